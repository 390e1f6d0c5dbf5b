package io.mderesponse.notifier.messaging;

import io.mderesponse.notifier.service.Dispatcher;
import io.mderesponse.notifier.service.Notification;
import io.smallrye.mutiny.Uni;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * What both consumers do with a record: work out its email (if any), dispatch it (de-duplicated, rationed,
 * retried), and only then acknowledge; any failure (a record that does not parse, SMTP errors past
 * {@code notifier.max-attempts}) nacks it, which sends it to the dead letter topic with
 * the reason.
 */
final class NotificationDelivery {

    private static final Logger LOG = Logger.getLogger(NotificationDelivery.class);

    private NotificationDelivery() {
    }

    static Uni<Void> deliver(Message<byte[]> message, Supplier<Optional<Notification>> notification,
            Dispatcher dispatcher, String what) {
        return Uni.createFrom().item(notification)
                .chain(found -> found.map(dispatcher::dispatch).orElseGet(() -> Uni.createFrom().voidItem()))
                .onItemOrFailure().transformToUni((ignored, failure) -> {
                    if (failure == null) {
                        return Uni.createFrom().completionStage(message.ack());
                    }
                    LOG.errorf(failure, "Could not email about %s; the record goes to the dead letter topic: %s", what,
                            failure.getMessage());
                    return Uni.createFrom().completionStage(message.nack(failure));
                });
    }
}
