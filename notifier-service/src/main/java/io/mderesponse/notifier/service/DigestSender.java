package io.mderesponse.notifier.service;

import io.mderesponse.notifier.config.NotifierConfig;
import io.mderesponse.notifier.mail.MailSender;
import io.mderesponse.notifier.state.SentEntry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Sends each storm window's digest once the window closed, on its own thread; a digest the SMTP server does not
 * take stays in the sent-log and is tried again on the next tick (also after a restart).
 */
@ApplicationScoped
public class DigestSender {

    private static final Logger LOG = Logger.getLogger(DigestSender.class);

    private final NotificationLedger ledger;
    private final MailSender sender;
    private final Duration tick;
    private final Duration sendTimeout;
    private final Clock clock = Clock.systemUTC();
    private ScheduledExecutorService executor;

    public DigestSender(NotificationLedger ledger, MailSender sender, NotifierConfig config) {
        this.ledger = ledger;
        this.sender = sender;
        long tickMillis = Math.max(100, Math.min(5_000, config.digestWindow().toMillis() / 10));
        this.tick = Duration.ofMillis(tickMillis);
        this.sendTimeout = config.sendTimeout().plusSeconds(5);
    }

    void start(@Observes StartupEvent event) {
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "notifier-digest");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::sendDue, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    /** Sends every due digest; failures are logged and retried on the next tick. */
    void sendDue() {
        try {
            for (NotificationLedger.DueDigest digest : ledger.dueDigests(clock.instant())) {
                send(digest);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not send the due digests; trying again in %s: %s", tick, e.getMessage());
        }
    }

    private void send(NotificationLedger.DueDigest digest) {
        Notification mail = notification(digest);
        sender.send(mail).await().atMost(sendTimeout);
        ledger.digestSent(digest, clock.instant());
        LOG.infof("Sent the digest of %d emails of the window from %s to %d recipient(s)", digest.items().size(),
                digest.windowStart(), digest.recipients().size());
    }

    static Notification notification(NotificationLedger.DueDigest digest) {
        List<SentEntry> items = digest.items();
        List<DigestView.Item> listed = items.stream().limit(DigestView.MAX_ITEMS)
                .map(e -> new DigestView.Item(MailText.field(e.subject(), MailText.SUBJECT_MAX), e.alertUrl(),
                        e.machineUrl()))
                .toList();
        DigestView view = new DigestView(items.size(), digest.windowStart().toString(),
                digest.windowEnd().toString(), listed, items.size() - listed.size());
        String subject = "[MDE Response] Digest: " + items.size() + " more emails between " + digest.windowStart()
                + " and " + digest.windowEnd();
        return new Notification(digest.id(), "digest " + digest.windowStart(), NotificationKind.DIGEST,
                digest.recipients(), subject, view);
    }
}
