package io.mderesponse.notifier.messaging;

import io.mderesponse.contracts.serde.ResponseActionCompletedDeserializer;
import io.mderesponse.notifier.service.ActionResult;
import io.mderesponse.notifier.service.Dispatcher;
import io.mderesponse.notifier.service.ResultEmails;
import io.mderesponse.service.messaging.EventRecords;
import io.mderesponse.service.processing.KeyedProcessing;
import io.mderesponse.service.processing.Urgency;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Kafka adapter: reads {@code defender.response-actions.results} (the machine actions other than isolation) like
 * {@link ActionResultsConsumer} reads the isolations: a result is acknowledged once it is recorded in the sent-log
 * and the email it completes (if any) was taken by the SMTP server; a record that does not parse, or whose email
 * the SMTP server refuses, goes to the dead letter topic with the reason.
 */
@ApplicationScoped
public class ResponseActionResultsConsumer {

    public static final String CHANNEL = "response-actions-results";

    private final ResultEmails emails;
    private final Dispatcher dispatcher;
    private final KeyedProcessing processing;
    private final ResponseActionCompletedDeserializer deserializer = new ResponseActionCompletedDeserializer();

    public ResponseActionResultsConsumer(ResultEmails emails, Dispatcher dispatcher, KeyedProcessing processing) {
        this.emails = emails;
        this.dispatcher = dispatcher;
        this.processing = processing;
    }

    @Incoming(CHANNEL)
    public CompletionStage<Void> consume(Message<byte[]> message) {
        return processing.submit(CHANNEL, message, Urgency.NORMAL, this::deliver);
    }

    private CompletionStage<Void> deliver(Message<byte[]> message) {
        return NotificationDelivery.deliver(message,
                () -> emails.forResult(ActionResult.of(EventRecords.read(message, deserializer))), dispatcher,
                "a response action result").subscribeAsCompletionStage();
    }
}
