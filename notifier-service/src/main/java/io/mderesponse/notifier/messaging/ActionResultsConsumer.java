package io.mderesponse.notifier.messaging;

import io.mderesponse.contracts.serde.MachineActionCompletedDeserializer;
import io.mderesponse.notifier.delivery.Dispatcher;
import io.mderesponse.notifier.service.NotificationService;
import io.mderesponse.service.messaging.EventRecords;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Kafka adapter: reads {@code defender.actions.results} and emails each completed machine action, one record at a
 * time, acknowledging a record only once the SMTP server took its email. A record that does not parse, or whose
 * email the SMTP server refuses, goes to the dead letter topic with the reason.
 */
@ApplicationScoped
public class ActionResultsConsumer {

    public static final String CHANNEL = "actions-results";

    private final NotificationService notifications;
    private final Dispatcher dispatcher;
    private final MachineActionCompletedDeserializer deserializer = new MachineActionCompletedDeserializer();

    public ActionResultsConsumer(NotificationService notifications, Dispatcher dispatcher) {
        this.notifications = notifications;
        this.dispatcher = dispatcher;
    }

    @Incoming(CHANNEL)
    public Uni<Void> consume(Message<byte[]> message) {
        return NotificationDelivery.deliver(message,
                () -> notifications.forActionResult(EventRecords.read(message, deserializer)), dispatcher,
                "a machine action result");
    }
}
