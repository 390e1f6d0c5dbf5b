package io.mderesponse.notifier.state;

import io.mderesponse.notifier.service.NotificationKind;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The value of one sent-log record: an email sent, or waiting in a digest, keyed by {@link #key kind, correlation id
 * and recipient}; or, for a decision whose plan has several machine actions, one result waiting for the others
 * ({@link State#RESULT}) or a claim to send the plan's email ({@link State#CLAIM}), keyed by the decision id (the
 * correlation id of such entries) and the request or claim id.
 *
 * @param eventId the event behind it; for a claim, the claim's own id (unique, so no claim ever replaces another)
 * @param recipient null for results and claims
 * @param counted whether it was sent on its own and so counts toward {@code notifier.digest-threshold}
 * @param windowStart the storm window it was sent (or queued) in
 * @param subject the email's subject, kept for the digest (one line, bounded)
 * @param outcome for a result, how its action ended; for a claim, the result whose record claimed; else null
 */
public record SentEntry(State state, UUID eventId, NotificationKind kind, String correlationId, String recipient,
        Instant at, Instant windowStart, boolean counted, String subject, String alertUrl, String machineUrl,
        ActionOutcome outcome) {

    /** What the entry records. */
    public enum State {
        /** An email sent, on its own or in a digest. */
        SENT,
        /** An email waiting for the digest of its window. */
        PENDING,
        /** One result of a multi-action plan, waiting for the rest of the plan. */
        RESULT,
        /** A claim to send a plan's email; the first claim of a decision in the log wins. */
        CLAIM
    }

    public SentEntry(State state, UUID eventId, NotificationKind kind, String correlationId, String recipient,
            Instant at, Instant windowStart, boolean counted, String subject, String alertUrl, String machineUrl) {
        this(state, eventId, kind, correlationId, recipient, at, windowStart, counted, subject, alertUrl, machineUrl,
                null);
    }

    /** One result of decision {@code decisionId}'s plan, waiting for the others. */
    public static SentEntry result(UUID eventId, UUID decisionId, ActionOutcome outcome, Instant at) {
        return new SentEntry(State.RESULT, eventId, NotificationKind.ACTIONS, decisionId.toString(), null, at, null,
                false, null, null, null, Objects.requireNonNull(outcome, "outcome"));
    }

    /** A claim, by the record of {@code outcome}'s result, to send decision {@code decisionId}'s email. */
    public static SentEntry claim(UUID claimId, UUID decisionId, ActionOutcome outcome, Instant at) {
        return new SentEntry(State.CLAIM, claimId, NotificationKind.ACTIONS, decisionId.toString(), null, at, null,
                false, null, null, null, Objects.requireNonNull(outcome, "outcome"));
    }

    /** The sent-log key: one email of each kind per alert (correlation id) and recipient, ignoring case. */
    public static String key(NotificationKind kind, String correlationId, String recipient) {
        return kind.name() + "|" + correlationId + "|" + recipient.toLowerCase(java.util.Locale.ROOT);
    }

    /** The key of one result of a decision's plan: one per request id. */
    public static String resultKey(UUID decisionId, UUID requestId) {
        return State.RESULT.name() + "|" + decisionId + "|" + requestId;
    }

    /** The key of one claim: unique, so compaction keeps every claim in log order. */
    public static String claimKey(UUID decisionId, UUID claimId) {
        return State.CLAIM.name() + "|" + decisionId + "|" + claimId;
    }

    public String key() {
        return switch (state) {
            case RESULT -> resultKey(UUID.fromString(correlationId), outcome.requestId());
            case CLAIM -> claimKey(UUID.fromString(correlationId), eventId);
            default -> key(kind, correlationId, recipient);
        };
    }

    public SentEntry sent(Instant when) {
        return new SentEntry(State.SENT, eventId, kind, correlationId, recipient, when, windowStart, false, subject,
                alertUrl, machineUrl, null);
    }
}
