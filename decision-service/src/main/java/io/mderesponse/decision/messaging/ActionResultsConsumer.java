package io.mderesponse.decision.messaging;

import io.mderesponse.contracts.event.MachineActionCompleted;
import io.mderesponse.contracts.event.ResponseActionCompleted;
import io.mderesponse.contracts.serde.MachineActionCompletedDeserializer;
import io.mderesponse.contracts.serde.ResponseActionCompletedDeserializer;
import io.mderesponse.decision.service.guard.ResultsHandler;
import io.mderesponse.service.messaging.EventRecords;
import io.mderesponse.service.processing.KeyedProcessing;
import io.mderesponse.service.processing.Urgency;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Kafka adapter: reads {@code defender.actions.results} to end pending isolations and reset released machines, and
 * {@code defender.response-actions.results} to end the pending windows of the other machine actions, concurrently
 * and in order per machine ({@link KeyedProcessing}). A record that cannot be applied goes to the dead letter topic
 * of its channel.
 */
@ApplicationScoped
public class ActionResultsConsumer {

    public static final String INCOMING = "actions-results";
    public static final String RESPONSE_ACTIONS_INCOMING = "response-actions-results";

    private static final Logger LOG = Logger.getLogger(ActionResultsConsumer.class);

    private final ResultsHandler handler;
    private final KeyedProcessing processing;
    private final MachineActionCompletedDeserializer isolations = new MachineActionCompletedDeserializer();
    private final ResponseActionCompletedDeserializer others = new ResponseActionCompletedDeserializer();

    public ActionResultsConsumer(ResultsHandler handler, KeyedProcessing processing) {
        this.handler = handler;
        this.processing = processing;
    }

    @Incoming(INCOMING)
    public CompletionStage<Void> consume(Message<byte[]> message) {
        return processing.submit(INCOMING, message, Urgency.NORMAL, record -> apply(record, () -> {
            MachineActionCompleted result = EventRecords.read(record, isolations);
            handler.handle(result);
            return "request " + result.requestId() + " (" + result.type() + ", machine=" + result.machineId()
                    + "): " + result.status();
        }));
    }

    @Incoming(RESPONSE_ACTIONS_INCOMING)
    public CompletionStage<Void> consumeResponseAction(Message<byte[]> message) {
        return processing.submit(RESPONSE_ACTIONS_INCOMING, message, Urgency.NORMAL, record -> apply(record, () -> {
            ResponseActionCompleted result = EventRecords.read(record, others);
            handler.handle(result);
            return "request " + result.requestId() + " (" + result.kind().wireName() + ", machine="
                    + result.machineId() + "): " + result.status();
        }));
    }

    /** Applies one result; {@code handling} returns what was applied, for the debug log. */
    private CompletionStage<Void> apply(Message<byte[]> message, Supplier<String> handling) {
        try {
            String applied = handling.get();
            LOG.debugf("Result of %s", applied);
            return message.ack();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not apply an action result; it goes to the dead letter topic: %s", e.getMessage());
            return message.nack(e);
        }
    }
}
