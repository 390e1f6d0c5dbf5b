package io.mderesponse.contracts.event;

import io.mderesponse.contracts.id.DefenderIds;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * Derives machine action request ids, so a redelivered decision yields the same id and the response service
 * can refuse to act twice.
 *
 * <p>An id is a name-based (version 3) UUID of a namespace and length-prefixed fields, e.g.
 * {@code mde-response/request/alert|6:alert1|4:rule|Isolate}: the lengths make the encoding unambiguous whatever
 * characters a rule id contains. The encoding must never change: ids stored before a change would no longer
 * match ids derived after it.
 */
public final class RequestIds {

    private static final String NAMESPACE = "mde-response/request/";

    private RequestIds() {
    }

    public static UUID forAlert(String alertId, String ruleId, MachineActionType action) {
        DefenderIds.requireValidAlertId(alertId);
        return uuid("alert", field(alertId), field(Objects.requireNonNull(ruleId, "ruleId")), action);
    }

    /** For a rule that matched a hunting row (no alert); the row key plays the alert id's part. */
    public static UUID forHuntingRow(String rowKey, String ruleId, MachineActionType action) {
        return uuid("hunting-row", field(Objects.requireNonNull(rowKey, "rowKey")),
                field(Objects.requireNonNull(ruleId, "ruleId")), action);
    }

    public static UUID forRelease(UUID releaseDecisionId, MachineActionType action) {
        return uuid("release", field(Objects.requireNonNull(releaseDecisionId, "releaseDecisionId").toString()),
                action);
    }

    /**
     * The request id for acting on {@code decision}: a release by its decision id, otherwise by alert id (or row
     * key) and rule id, so a held decision and the approval that settles it yield the same id.
     */
    public static UUID forDecision(DecisionMade decision, MachineActionType action) {
        if (decision.outcome() == DecisionOutcome.RELEASED) {
            return forRelease(decision.decisionId(), action);
        }
        if (decision.ruleId() == null) {
            throw new IllegalArgumentException("Decision " + decision.decisionId() + " (" + decision.outcome()
                    + ") matched no rule, so it cannot request a machine action");
        }
        return decision.alert() != null
                ? forAlert(decision.alert().alertId(), decision.ruleId(), action)
                : forHuntingRow(decision.correlationId(), decision.ruleId(), action);
    }

    /**
     * The request id of one machine action of a rule's decision about an alert. Isolation kinds keep the ids of
     * {@link #forAlert(String, String, MachineActionType)}; every other kind has its own, and a file quarantine
     * one per file (its SHA-1, lowercase, is part of the name).
     */
    public static UUID forAlert(String alertId, String ruleId, MachineActionKind kind, String sha1) {
        if (kind.isIsolation()) {
            return forAlert(alertId, ruleId, kind.v1Type().orElseThrow());
        }
        DefenderIds.requireValidAlertId(alertId);
        return uuid("alert", field(alertId) + "|" + field(Objects.requireNonNull(ruleId, "ruleId")), kind, sha1);
    }

    /** Like {@link #forAlert(String, String, MachineActionKind, String)} for a rule that matched a hunting row. */
    public static UUID forHuntingRow(String rowKey, String ruleId, MachineActionKind kind, String sha1) {
        if (kind.isIsolation()) {
            return forHuntingRow(rowKey, ruleId, kind.v1Type().orElseThrow());
        }
        return uuid("hunting-row", field(Objects.requireNonNull(rowKey, "rowKey")) + "|"
                + field(Objects.requireNonNull(ruleId, "ruleId")), kind, sha1);
    }

    private static UUID uuid(String kind, String fields, MachineActionKind action, String sha1) {
        if (action == MachineActionKind.UNKNOWN) {
            throw new IllegalArgumentException("No request id for an unknown action kind");
        }
        // The wire names (antivirusScan, ...) never equal the v1 type names (Isolate, Unisolate), so these ids
        // cannot collide with the isolation ids.
        String name = NAMESPACE + kind + "|" + fields + "|" + action.wireName()
                + (sha1 == null ? "" : "|" + field(sha1.toLowerCase(Locale.ROOT)));
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }

    private static String field(String value) {
        return value.length() + ":" + value;
    }

    private static UUID uuid(String kind, String first, MachineActionType action) {
        return UUID.nameUUIDFromBytes((NAMESPACE + kind + "|" + first + "|" + Objects.requireNonNull(action, "action"))
                .getBytes(StandardCharsets.UTF_8));
    }

    private static UUID uuid(String kind, String first, String second, MachineActionType action) {
        return uuid(kind, first + "|" + second, action);
    }
}
