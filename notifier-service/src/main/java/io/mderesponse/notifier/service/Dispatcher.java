package io.mderesponse.notifier.service;

import io.mderesponse.contracts.id.SafeText;
import io.mderesponse.notifier.config.NotifierConfig;
import io.mderesponse.notifier.mail.MailDeliveryException;
import io.mderesponse.notifier.mail.MailSender;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Sends one notification at most once per alert, kind and recipient: asks the ledger (sent-log and storm
 * window), then sends with retries and backoff and records the send, or queues it for the window's digest. The
 * ledger's Kafka reads and writes run on worker threads, never on the consumer's event loop; several dispatches
 * (other keys) may run at once.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);

    private final NotificationLedger ledger;
    private final MailSender sender;
    private final int maxAttempts;
    private final Duration retryInitial;
    private final Duration retryMax;
    private final Clock clock = Clock.systemUTC();

    public Dispatcher(NotificationLedger ledger, MailSender sender, NotifierConfig config) {
        this.ledger = ledger;
        this.sender = sender;
        this.maxAttempts = config.maxAttempts();
        this.retryInitial = config.retryInitial();
        this.retryMax = config.retryMax();
    }

    /** Completes once the email was sent and recorded, queued for a digest, or found already sent. */
    public Uni<Void> dispatch(Notification notification) {
        return onWorker(() -> ledger.plan(notification, clock.instant())).chain(plan -> {
            if (plan instanceof NotificationLedger.Send send) {
                // SMTP runs outside the ledger's lock; the key stays reserved until sent() or failed() settles it,
                // also when the send is cancelled (a stop), so no later plan for it waits forever.
                return sendWithRetries(send.notification())
                        .onFailure().invoke(() -> ledger.failed(send))
                        .onCancellation().invoke(() -> ledger.failed(send))
                        .chain(() -> onWorker(() -> {
                            ledger.sent(send, clock.instant());
                            return null;
                        }));
            }
            if (plan instanceof NotificationLedger.Queue queue) {
                return onWorker(() -> {
                    ledger.queue(queue, clock.instant());
                    LOG.infof("Storm: the email about %s (event %s) goes into the digest of the window from %s",
                            SafeText.preview(notification.correlationId(), 128), notification.eventId(),
                            queue.windowStart());
                    return null;
                });
            }
            LOG.infof("Already emailed: %s about %s to every recipient; event %s sends nothing", notification.kind(),
                    SafeText.preview(notification.correlationId(), 128), notification.eventId());
            return Uni.createFrom().voidItem();
        }).replaceWithVoid();
    }

    /** {@code notifier.max-attempts} tries in all, pausing from {@code retry-initial} doubling to {@code retry-max}. */
    Uni<Void> sendWithRetries(Notification notification) {
        Uni<Void> send = sender.send(notification);
        if (maxAttempts <= 1) {
            return send;
        }
        return send.onFailure(MailDeliveryException.class).invoke(e -> LOG.warnf(
                        "SMTP send for event %s failed, retrying (up to %d tries in all): %s",
                        notification.eventId(), maxAttempts, e.getMessage()))
                .onFailure(MailDeliveryException.class).retry().withBackOff(retryInitial, retryMax)
                .atMost(maxAttempts - 1L)
                .onFailure().transform(e -> {
                    Throwable last = e instanceof MailDeliveryException ? e
                            : e.getCause() instanceof MailDeliveryException ? e.getCause() : e;
                    return new MailDeliveryException(last.getMessage() + " (gave up after " + maxAttempts
                            + " tries)", last);
                });
    }

    private static <T> Uni<T> onWorker(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
