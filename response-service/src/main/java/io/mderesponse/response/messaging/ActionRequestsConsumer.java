package io.mderesponse.response.messaging;

import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.contracts.serde.MachineActionRequestedDeserializer;
import io.mderesponse.response.service.RequestProcessor;
import io.mderesponse.service.messaging.EventRecords;
import io.mderesponse.service.messaging.PoisonRecordException;
import io.mderesponse.service.processing.KeyedProcessing;
import io.mderesponse.service.processing.Urgency;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Kafka adapter: reads {@code defender.actions.requested} and hands each request to the idempotent
 * {@link RequestProcessor}, concurrently for different machines and in order for one ({@link KeyedProcessing},
 * keyed by machine id). The record is acknowledged once the request is settled or its action is tracked; a
 * held request keeps its record (and every later one of its partition) uncommitted, and no other request starts
 * until it is settled; a record that is not a valid request, or a
 * request that can never be carried out, goes to the dead letter topic with the reason.
 */
@ApplicationScoped
public class ActionRequestsConsumer {

    public static final String INCOMING = "actions-requested";
    public static final String OUTGOING = "actions-results";

    private static final Logger LOG = Logger.getLogger(ActionRequestsConsumer.class);
    /** How often a request waiting behind a held one checks whether the service stops. */
    private static final Duration HOLD_CHECK = Duration.ofSeconds(1);

    private final RequestProcessor processor;
    private final KeyedProcessing processing;
    private final MachineActionRequestedDeserializer deserializer = new MachineActionRequestedDeserializer();

    public ActionRequestsConsumer(RequestProcessor processor, KeyedProcessing processing) {
        this.processor = processor;
        this.processing = processing;
    }

    @Incoming(INCOMING)
    public CompletionStage<Void> consume(Message<byte[]> message) {
        return processing.submit(INCOMING, message, Urgency.NORMAL, this::handle);
    }

    private CompletionStage<Void> handle(Message<byte[]> message) {
        MachineActionRequested request;
        try {
            request = EventRecords.read(message, deserializer);
        } catch (PoisonRecordException e) {
            LOG.errorf("Not a machine action request; it goes to the dead letter topic: %s", e.getMessage());
            return message.nack(e);
        }
        try {
            while (processor.holding()) {
                if (processing.stopping()) {
                    return KeyedProcessing.leaveForRestart("request " + request.requestId() + ", waiting behind a "
                            + "held request,");
                }
                processor.awaitNoHold(HOLD_CHECK);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return KeyedProcessing.leaveForRestart("request " + request.requestId());
        }
        CompletionStage<Void> settled;
        try {
            settled = processor.process(request);
        } catch (RuntimeException e) {
            return deadLetter(message, request, e);
        }
        return settled.handle((done, failure) -> failure == null ? message.ack() : deadLetter(message, request, failure))
                .thenCompose(stage -> stage);
    }

    private static CompletionStage<Void> deadLetter(Message<byte[]> message, MachineActionRequested request,
            Throwable failure) {
        LOG.errorf(failure, "Request %s (machine=%s, correlation=%s) cannot be carried out; it goes to the dead "
                + "letter topic", request.requestId(), request.machineId(), request.correlationId());
        return message.nack(failure);
    }
}
