package io.mderesponse.notifier.service;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One email to send, before rendering.
 *
 * @param eventId the event that caused it; with each recipient, the key a sent-log can de-duplicate on
 * @param correlationId the alert id (or row key, or release decision id), for logs
 * @param recipients valid, de-duplicated addresses; never empty
 * @param subject one line, at most {@link MailText#SUBJECT_MAX} characters
 */
public record Notification(UUID eventId, String correlationId, List<String> recipients, String subject,
        MailView view) {

    public Notification {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(correlationId, "correlationId");
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("A notification needs at least one recipient");
        }
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(view, "view");
    }
}
