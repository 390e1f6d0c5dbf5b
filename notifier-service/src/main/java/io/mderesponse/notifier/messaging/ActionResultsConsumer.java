package io.mderesponse.notifier.messaging;

import io.mderesponse.contracts.serde.MachineActionCompletedDeserializer;
import io.mderesponse.contracts.serde.ResponseActionCompletedDeserializer;
import io.mderesponse.notifier.service.ActionResult;
import io.mderesponse.notifier.service.Dispatcher;
import io.mderesponse.notifier.service.ResultEmails;
import io.mderesponse.service.messaging.EventRecords;
import io.mderesponse.service.processing.KeyedProcessing;
import io.mderesponse.service.processing.Urgency;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Kafka adapter: reads {@code defender.actions.results} (isolations and releases) and
 * {@code defender.response-actions.results} (every other machine action) and emails each completed machine action,
 * or records it until the rest of its decision's plan has ended ({@link ResultEmails}), concurrently for different
 * machines and in order for one ({@link KeyedProcessing}), acknowledging a record only once its result is recorded
 * and the SMTP server took the email it completes (if any). A record that does not parse, or whose email the SMTP
 * server refuses, goes to the dead letter topic of its channel with the reason.
 */
@ApplicationScoped
public class ActionResultsConsumer {

    public static final String CHANNEL = "actions-results";
    public static final String RESPONSE_ACTIONS_CHANNEL = "response-actions-results";

    private final ResultEmails emails;
    private final Dispatcher dispatcher;
    private final KeyedProcessing processing;
    private final MachineActionCompletedDeserializer isolations = new MachineActionCompletedDeserializer();
    private final ResponseActionCompletedDeserializer others = new ResponseActionCompletedDeserializer();

    public ActionResultsConsumer(ResultEmails emails, Dispatcher dispatcher, KeyedProcessing processing) {
        this.emails = emails;
        this.dispatcher = dispatcher;
        this.processing = processing;
    }

    @Incoming(CHANNEL)
    public CompletionStage<Void> consume(Message<byte[]> message) {
        return processing.submit(CHANNEL, message, Urgency.NORMAL, record -> deliver(record,
                () -> ActionResult.of(EventRecords.read(record, isolations))));
    }

    @Incoming(RESPONSE_ACTIONS_CHANNEL)
    public CompletionStage<Void> consumeResponseAction(Message<byte[]> message) {
        return processing.submit(RESPONSE_ACTIONS_CHANNEL, message, Urgency.NORMAL, record -> deliver(record,
                () -> ActionResult.of(EventRecords.read(record, others))));
    }

    private CompletionStage<Void> deliver(Message<byte[]> message, Supplier<ActionResult> result) {
        return NotificationDelivery.deliver(message, () -> emails.forResult(result.get()), dispatcher,
                "a machine action result").subscribeAsCompletionStage();
    }
}
