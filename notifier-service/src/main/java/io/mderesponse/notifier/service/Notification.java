package io.mderesponse.notifier.service;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One email to send, before rendering.
 *
 * @param eventId the event that caused it (the {@code X-MDE-Response-Event-Id} header)
 * @param correlationId the alert id (or row key, or release decision id); with {@code kind} and each recipient,
 *     the key the sent-log de-duplicates on
 * @param kind what the email is about
 * @param recipients valid, de-duplicated addresses; never empty
 * @param subject one line, at most {@link MailText#SUBJECT_MAX} characters
 */
public record Notification(UUID eventId, String correlationId, NotificationKind kind, List<String> recipients,
        String subject, MailView view) {

    public Notification {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(correlationId, "correlationId");
        Objects.requireNonNull(kind, "kind");
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("A notification needs at least one recipient");
        }
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(view, "view");
    }

    /** The same email to fewer recipients (those not emailed yet). */
    public Notification withRecipients(List<String> addresses) {
        return new Notification(eventId, correlationId, kind, addresses, subject, view);
    }
}
