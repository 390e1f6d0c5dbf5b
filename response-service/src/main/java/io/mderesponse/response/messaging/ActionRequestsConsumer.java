package io.mderesponse.response.messaging;

import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.contracts.serde.MachineActionRequestedDeserializer;
import io.mderesponse.response.service.RequestProcessor;
import io.mderesponse.service.messaging.EventRecords;
import io.mderesponse.service.messaging.PoisonRecordException;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Kafka adapter: reads {@code defender.actions.requested} and hands each request to the idempotent
 * {@link RequestProcessor}. The record is acknowledged once the request is settled or its action is tracked; a
 * held request keeps its record (and every later one) uncommitted; a record that is not a valid request, or a
 * request that can never be carried out, goes to the dead letter topic with the reason.
 */
@ApplicationScoped
public class ActionRequestsConsumer {

    public static final String INCOMING = "actions-requested";
    public static final String OUTGOING = "actions-results";

    private static final Logger LOG = Logger.getLogger(ActionRequestsConsumer.class);

    private final RequestProcessor processor;
    private final MachineActionRequestedDeserializer deserializer = new MachineActionRequestedDeserializer();

    public ActionRequestsConsumer(RequestProcessor processor) {
        this.processor = processor;
    }

    @Incoming(INCOMING)
    @Blocking
    public CompletionStage<Void> consume(Message<byte[]> message) {
        MachineActionRequested request;
        try {
            request = EventRecords.read(message, deserializer);
        } catch (PoisonRecordException e) {
            LOG.errorf("Not a machine action request; it goes to the dead letter topic: %s", e.getMessage());
            return message.nack(e);
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
