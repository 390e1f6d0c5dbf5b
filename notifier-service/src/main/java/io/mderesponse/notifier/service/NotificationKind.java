package io.mderesponse.notifier.service;

/**
 * What an email is about; with the alert (correlation id) and the recipient it is what the sent-log de-duplicates
 * on, so each person gets at most one email of each kind per alert.
 */
public enum NotificationKind {
    /** An isolation reached its final state. */
    ISOLATE,
    /** A release (unisolation) reached its final state. */
    UNISOLATE,
    /** A rule asked to notify without isolating. */
    NOTIFY,
    /** An isolation is held by the hourly cap and waits for approval. */
    HELD,
    /** A held isolation was neither approved nor denied in time. */
    EXPIRED,
    /**
     * The machine actions of one decision reached their final statuses: one email listing each (keyed by the
     * decision id, not the alert, so two decisions about one alert each have theirs).
     */
    ACTIONS,
    /** The digest of a storm window (never de-duplicated by kind: each window has its own). */
    DIGEST
}
