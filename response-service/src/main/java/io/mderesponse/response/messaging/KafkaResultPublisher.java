package io.mderesponse.response.messaging;

import io.mderesponse.contracts.event.MachineActionCompleted;
import io.mderesponse.response.service.ResultPublisher;
import io.mderesponse.service.messaging.EventRecords;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.common.KafkaException;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Publishes results on {@code defender.actions.results}, keyed by machine id, and waits for Kafka's ack. */
@ApplicationScoped
public class KafkaResultPublisher implements ResultPublisher {

    private final MutinyEmitter<MachineActionCompleted> results;

    public KafkaResultPublisher(@Channel(ActionRequestsConsumer.OUTGOING) MutinyEmitter<MachineActionCompleted> results) {
        this.results = results;
    }

    @Override
    public void publish(MachineActionCompleted result) {
        try {
            results.sendMessageAndAwait(EventRecords.keyed(result));
        } catch (RuntimeException e) {
            throw e instanceof KafkaException kafka ? kafka
                    : new KafkaException("Could not publish the result of request " + result.requestId() + ": "
                            + e.getMessage(), e);
        }
    }
}
