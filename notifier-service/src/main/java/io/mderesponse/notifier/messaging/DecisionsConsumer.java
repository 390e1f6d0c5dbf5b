package io.mderesponse.notifier.messaging;

import io.mderesponse.contracts.serde.DecisionMadeDeserializer;
import io.mderesponse.notifier.service.Dispatcher;
import io.mderesponse.notifier.service.NotificationService;
import io.mderesponse.service.messaging.EventRecords;
import io.mderesponse.service.processing.KeyedProcessing;
import io.mderesponse.service.processing.Urgency;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Kafka adapter: reads {@code defender.decisions} and emails the notify-only decisions, concurrently for different
 * machines and in order for one ({@link KeyedProcessing}) (the rest is acknowledged without email), acknowledging only once the SMTP server took the email. A record that does
 * not parse, or whose email the SMTP server refuses, goes to the dead letter topic with the reason.
 */
@ApplicationScoped
public class DecisionsConsumer {

    public static final String CHANNEL = "decisions";

    private final NotificationService notifications;
    private final Dispatcher dispatcher;
    private final KeyedProcessing processing;
    private final DecisionMadeDeserializer deserializer = new DecisionMadeDeserializer();

    public DecisionsConsumer(NotificationService notifications, Dispatcher dispatcher, KeyedProcessing processing) {
        this.notifications = notifications;
        this.dispatcher = dispatcher;
        this.processing = processing;
    }

    @Incoming(CHANNEL)
    public CompletionStage<Void> consume(Message<byte[]> message) {
        return processing.submit(CHANNEL, message, Urgency.NORMAL, this::deliver);
    }

    private CompletionStage<Void> deliver(Message<byte[]> message) {
        return NotificationDelivery.deliver(message,
                () -> notifications.forDecision(EventRecords.read(message, deserializer)), dispatcher, "a decision")
                .subscribeAsCompletionStage();
    }
}
