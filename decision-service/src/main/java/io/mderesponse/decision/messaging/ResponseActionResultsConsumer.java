package io.mderesponse.decision.messaging;

import io.mderesponse.contracts.event.ResponseActionCompleted;
import io.mderesponse.contracts.serde.ResponseActionCompletedDeserializer;
import io.mderesponse.decision.service.guard.ResultsHandler;
import io.mderesponse.service.messaging.EventRecords;
import io.mderesponse.service.processing.KeyedProcessing;
import io.mderesponse.service.processing.Urgency;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Kafka adapter: reads {@code defender.response-actions.results} to end the pending windows of machine actions other
 * than isolation, concurrently and in order per machine ({@link KeyedProcessing}).
 */
@ApplicationScoped
public class ResponseActionResultsConsumer {

    public static final String INCOMING = "response-actions-results";

    private static final Logger LOG = Logger.getLogger(ResponseActionResultsConsumer.class);

    private final ResultsHandler handler;
    private final KeyedProcessing processing;
    private final ResponseActionCompletedDeserializer deserializer = new ResponseActionCompletedDeserializer();

    public ResponseActionResultsConsumer(ResultsHandler handler, KeyedProcessing processing) {
        this.handler = handler;
        this.processing = processing;
    }

    @Incoming(INCOMING)
    public CompletionStage<Void> consume(Message<byte[]> message) {
        return processing.submit(INCOMING, message, Urgency.NORMAL, this::handle);
    }

    private CompletionStage<Void> handle(Message<byte[]> message) {
        try {
            ResponseActionCompleted result = EventRecords.read(message, deserializer);
            handler.handle(result);
            LOG.debugf("Result of request %s (%s, machine=%s): %s", result.requestId(), result.kind().wireName(),
                    result.machineId(), result.status());
            return message.ack();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not apply a response action result; it goes to the dead letter topic: %s",
                    e.getMessage());
            return message.nack(e);
        }
    }
}
