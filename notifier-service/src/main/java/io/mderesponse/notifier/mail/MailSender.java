package io.mderesponse.notifier.mail;

import io.mderesponse.contracts.id.SafeText;
import io.mderesponse.notifier.config.NotifierConfig;
import io.mderesponse.notifier.metrics.MailMetrics;
import io.mderesponse.notifier.service.Notification;
import io.mderesponse.notifier.service.Recipients;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Renders a {@link Notification} and hands it to the SMTP server: one email, all recipients in {@code To}.
 *
 * <p>Non-blocking on purpose. The blocking mailer, called from an ordered {@code @Blocking} consumer, waits on the
 * consumer's own Vert.x context while the mail client schedules work back onto that context (the EHLO host name
 * lookup on the first send, the failure callback on an SMTP error), so it hangs until {@code quarkus.mailer.timeout}.
 */
@ApplicationScoped
@Startup
public class MailSender {

    /** Names the event behind an email, so a reader (or a test, or a later sent-log) can trace it. */
    public static final String EVENT_ID_HEADER = "X-MDE-Response-Event-Id";

    private static final Logger LOG = Logger.getLogger(MailSender.class);

    private final ReactiveMailer mailer;
    private final String from;
    private final Duration timeout;
    private final AtomicLong failedSends = new AtomicLong();
    private final MailMetrics metrics;

    public MailSender(ReactiveMailer mailer, NotifierConfig config, MailMetrics metrics) {
        if (!Recipients.isValid(config.from())) {
            throw new ConfigurationException("notifier.from is not a valid email address (expected local@domain, "
                    + "without display name)", Set.of("notifier.from"));
        }
        if (config.sendTimeout().isNegative() || config.sendTimeout().isZero()) {
            throw new ConfigurationException("notifier.send-timeout must be positive", Set.of("notifier.send-timeout"));
        }
        this.mailer = mailer;
        this.from = config.from();
        this.timeout = config.sendTimeout();
        this.metrics = metrics;
    }

    /**
     * Sends {@code notification}; fails with a {@link MailDeliveryException} when the SMTP server does not take it
     * within {@code notifier.send-timeout}.
     */
    public Uni<Void> send(Notification notification) {
        return Uni.createFrom().item(() -> mail(notification))
                .chain(mail -> mailer.send(mail))
                .ifNoItem().after(timeout).failWith(() -> new IllegalStateException("no answer within " + timeout))
                .onFailure().invoke(() -> {
                    failedSends.incrementAndGet();
                    metrics.failed();
                })
                .onFailure().transform(e -> new MailDeliveryException("Could not send the email for event "
                        + notification.eventId() + " to " + notification.recipients().size()
                        + " recipient(s) through SMTP: " + (e.getMessage() != null ? e.getMessage()
                        : e.getClass().getSimpleName()), e))
                .invoke(metrics::sent)
                .invoke(() -> LOG.infof("Emailed %d recipient(s) about %s (event %s)",
                        notification.recipients().size(), SafeText.preview(notification.correlationId(), 128),
                        notification.eventId()));
    }

    /** How many sends failed since start (each try counts), for logs and tests. */
    public long failedSends() {
        return failedSends.get();
    }

    private Mail mail(Notification notification) {
        RenderedMail rendered = MailRenderer.render(notification.view());
        return new Mail()
                .setFrom(from)
                .setTo(notification.recipients())
                .setSubject(notification.subject())
                .setText(rendered.text())
                .setHtml(rendered.html())
                .addHeader(EVENT_ID_HEADER, notification.eventId().toString());
    }
}
