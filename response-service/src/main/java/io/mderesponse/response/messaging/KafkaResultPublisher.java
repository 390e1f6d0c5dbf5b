package io.mderesponse.response.messaging;

import io.mderesponse.contracts.event.Event;
import io.mderesponse.contracts.event.MachineActionCompleted;
import io.mderesponse.contracts.event.ResponseActionCompleted;
import io.mderesponse.response.service.ResultPublisher;
import io.mderesponse.service.messaging.EventRecords;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.apache.kafka.common.KafkaException;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Publishes results, keyed by machine id, and waits for Kafka's ack: isolation's on {@code defender.actions.results},
 * the other kinds' on {@code defender.response-actions.results}.
 */
@ApplicationScoped
public class KafkaResultPublisher implements ResultPublisher {

    private final MutinyEmitter<MachineActionCompleted> results;
    private final MutinyEmitter<ResponseActionCompleted> responseResults;

    public KafkaResultPublisher(
            @Channel(ActionRequestsConsumer.OUTGOING) MutinyEmitter<MachineActionCompleted> results,
            @Channel(ActionRequestsConsumer.RESPONSE_OUTGOING)
            MutinyEmitter<ResponseActionCompleted> responseResults) {
        this.results = results;
        this.responseResults = responseResults;
    }

    @Override
    public void publish(MachineActionCompleted result) {
        send(results, result, result.requestId());
    }

    @Override
    public void publish(ResponseActionCompleted result) {
        send(responseResults, result, result.requestId());
    }

    private static <T extends Event> void send(MutinyEmitter<T> emitter, T result, UUID requestId) {
        try {
            emitter.sendMessageAndAwait(EventRecords.keyed(result));
        } catch (RuntimeException e) {
            throw e instanceof KafkaException kafka ? kafka
                    : new KafkaException("Could not publish the result of request " + requestId + ": "
                            + e.getMessage(), e);
        }
    }
}
