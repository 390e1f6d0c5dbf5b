package io.mderesponse.notifier.messaging;

import io.mderesponse.contracts.serde.MachineActionCompletedDeserializer;
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
 * Kafka adapter: reads {@code defender.actions.results} and emails each completed machine action, concurrently for
 * different machines and in order for one ({@link KeyedProcessing}), acknowledging a record only once the SMTP
 * server took its email. A record that does not parse, or whose email the SMTP server refuses, goes to the dead
 * letter topic with the reason.
 */
@ApplicationScoped
public class ActionResultsConsumer {

    public static final String CHANNEL = "actions-results";

    private final NotificationService notifications;
    private final Dispatcher dispatcher;
    private final KeyedProcessing processing;
    private final MachineActionCompletedDeserializer deserializer = new MachineActionCompletedDeserializer();

    public ActionResultsConsumer(NotificationService notifications, Dispatcher dispatcher, KeyedProcessing processing) {
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
                () -> notifications.forActionResult(EventRecords.read(message, deserializer)), dispatcher,
                "a machine action result").subscribeAsCompletionStage();
    }
}
