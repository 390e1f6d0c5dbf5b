package io.mderesponse.response.messaging;

import io.mderesponse.contracts.event.Event;
import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.contracts.event.ResponseActionRequested;
import io.mderesponse.contracts.serde.MachineActionRequestedDeserializer;
import io.mderesponse.contracts.serde.ResponseActionRequestedDeserializer;
import io.mderesponse.response.service.RequestProcessor;
import io.mderesponse.response.state.ActionRequest;
import io.mderesponse.service.messaging.EventRecords;
import io.mderesponse.service.messaging.PoisonRecordException;
import io.mderesponse.service.processing.KeyedProcessing;
import io.mderesponse.service.processing.Urgency;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Deserializer;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Kafka adapter of both request channels: {@code defender.actions.requested} (isolation, v1
 * {@code MachineActionRequested}) and {@code defender.response-actions.requested} (every other kind,
 * {@code ResponseActionRequested}). Each request becomes an {@link ActionRequest} for the one idempotent
 * {@link RequestProcessor}, concurrently for different machines and in order for one ({@link KeyedProcessing},
 * keyed by machine id). The record is acknowledged once the request is settled or its action is tracked; a held
 * request keeps its record (and every later one of its partition) uncommitted, and no other request starts until it
 * is settled; a record that is not a valid request (a kind this version does not know included), or a request that
 * can never be carried out, goes to its channel's dead letter topic with the reason.
 */
@ApplicationScoped
public class ActionRequestsConsumer {

    public static final String INCOMING = "actions-requested";
    public static final String OUTGOING = "actions-results";
    public static final String RESPONSE_INCOMING = "response-actions-requested";
    public static final String RESPONSE_OUTGOING = "response-actions-results";

    private static final Logger LOG = Logger.getLogger(ActionRequestsConsumer.class);
    /** How often a request waiting behind a held one checks whether the service stops. */
    private static final Duration HOLD_CHECK = Duration.ofSeconds(1);

    private final RequestProcessor processor;
    private final KeyedProcessing processing;
    private final MachineActionRequestedDeserializer isolations = new MachineActionRequestedDeserializer();
    private final ResponseActionRequestedDeserializer responses = new ResponseActionRequestedDeserializer();

    public ActionRequestsConsumer(RequestProcessor processor, KeyedProcessing processing) {
        this.processor = processor;
        this.processing = processing;
    }

    @Incoming(INCOMING)
    public CompletionStage<Void> consume(Message<byte[]> message) {
        return processing.submit(INCOMING, message, Urgency.NORMAL,
                record -> handle(record, isolations, ActionRequest::of));
    }

    @Incoming(RESPONSE_INCOMING)
    public CompletionStage<Void> consumeResponseAction(Message<byte[]> message) {
        return processing.submit(RESPONSE_INCOMING, message, Urgency.NORMAL,
                record -> handle(record, responses, ActionRequestsConsumer::known));
    }

    /** A kind a newer decision-service names cannot be carried out by this version: dead-lettered, for a redrive. */
    private static ActionRequest known(ResponseActionRequested request) {
        if (request.kind() == MachineActionKind.UNKNOWN) {
            throw new PoisonRecordException("ResponseActionRequested " + request.requestId() + " names a machine "
                    + "action kind this version of response-service does not know");
        }
        return ActionRequest.of(request);
    }

    private <T extends Event> CompletionStage<Void> handle(Message<byte[]> message, Deserializer<T> deserializer,
            Function<T, ActionRequest> toRequest) {
        ActionRequest request;
        try {
            request = toRequest.apply(EventRecords.read(message, deserializer));
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

    private static CompletionStage<Void> deadLetter(Message<byte[]> message, ActionRequest request,
            Throwable failure) {
        LOG.errorf(failure, "Request %s (%s of machine=%s, correlation=%s) cannot be carried out; it goes to the dead "
                + "letter topic", request.requestId(), request.kind().wireName(), request.machineId(),
                request.correlationId());
        return message.nack(failure);
    }
}
