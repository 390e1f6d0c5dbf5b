package io.mderesponse.response.messaging;

import io.mderesponse.contracts.event.MachineActionCompleted;
import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.contracts.serde.MachineActionRequestedDeserializer;
import io.mderesponse.response.service.ResponseService;
import io.mderesponse.service.messaging.EventRecords;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Kafka adapter: reads {@code defender.actions.requested}, carries out each request, publishes its final result
 * and then acknowledges the request.
 *
 * <p>Known limit of this first version: a request is followed to its end on the consuming thread, and a crash
 * during the Defender call redelivers the request without recovering the action first (the issue "each action
 * request reaches Defender at most once" adds recorded intents and recovery).
 */
@ApplicationScoped
public class ActionRequestsConsumer {

    public static final String INCOMING = "actions-requested";
    public static final String OUTGOING = "actions-results";

    private static final Logger LOG = Logger.getLogger(ActionRequestsConsumer.class);

    private final ResponseService response;
    private final MutinyEmitter<MachineActionCompleted> results;
    private final MachineActionRequestedDeserializer deserializer = new MachineActionRequestedDeserializer();

    public ActionRequestsConsumer(ResponseService response,
            @Channel(OUTGOING) MutinyEmitter<MachineActionCompleted> results) {
        this.response = response;
        this.results = results;
    }

    @Incoming(INCOMING)
    @Blocking
    public CompletionStage<Void> consume(Message<byte[]> message) {
        try {
            MachineActionRequested request = EventRecords.read(message, deserializer);
            results.sendMessageAndAwait(EventRecords.keyed(response.execute(request)));
            return message.ack();
        } catch (RuntimeException e) {
            LOG.errorf("Could not carry out a machine action request; it goes to the dead letter topic: %s",
                    e.getMessage());
            return message.nack(e);
        }
    }
}
