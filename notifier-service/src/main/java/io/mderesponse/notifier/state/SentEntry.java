package io.mderesponse.notifier.state;

import io.mderesponse.notifier.service.NotificationKind;
import java.time.Instant;
import java.util.UUID;

/**
 * The value of one sent-log record, keyed by {@link #key kind, correlation id and recipient}: that email was sent,
 * or waits in a digest.
 *
 * @param counted whether it was sent on its own and so counts toward {@code notifier.digest-threshold}
 * @param windowStart the storm window it was sent (or queued) in
 * @param subject the email's subject, kept for the digest (one line, bounded)
 */
public record SentEntry(State state, UUID eventId, NotificationKind kind, String correlationId, String recipient,
        Instant at, Instant windowStart, boolean counted, String subject, String alertUrl, String machineUrl) {

    /** Sent (on its own or in a digest), or waiting for the digest of its window. */
    public enum State {
        SENT, PENDING
    }

    /** The sent-log key: one email of each kind per alert (correlation id) and recipient, ignoring case. */
    public static String key(NotificationKind kind, String correlationId, String recipient) {
        return kind.name() + "|" + correlationId + "|" + recipient.toLowerCase(java.util.Locale.ROOT);
    }

    public String key() {
        return key(kind, correlationId, recipient);
    }

    public SentEntry sent(Instant when) {
        return new SentEntry(State.SENT, eventId, kind, correlationId, recipient, when, windowStart, false, subject,
                alertUrl, machineUrl);
    }
}
