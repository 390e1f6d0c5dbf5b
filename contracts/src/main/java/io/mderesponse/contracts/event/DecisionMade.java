package io.mderesponse.contracts.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.mderesponse.contracts.defender.IsolationType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The decision service's verdict: one per enriched alert or hunting row (including "no rule matched"), one per
 * settled hold and one per release.
 *
 * @param alert the alert's summary; null for hunting rows and releases
 * @param machineId the machine the decision is about (the alert's machine, the row's device, the released
 *     machine); null when there is none
 * @param ruleId the matching rule; null when none matched and for releases
 * @param inputs the fields the rule's condition read, as it saw them
 * @param isolationType required when {@code actions} contains {@link RuleAction#ISOLATE}
 * @param supersedes the held decision that an APPROVED, DENIED or EXPIRED decision settles
 * @param approvedBy who approved or denied a held decision
 * @param requestedBy who asked for a release
 * @param reason why, in words for people (e.g. which guard stopped it)
 * @param machineActions the machine actions asked for, in the rule's order, each with its request id (added within
 *     v1: null in records written before it; then {@link #plan()} derives the isolation from {@code actions}).
 *     {@code actions} keeps only {@code isolate} and {@code notify}, the values v1 consumers know.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DecisionMade(
        UUID eventId,
        String correlationId,
        Instant occurredAt,
        int schemaVersion,
        UUID decisionId,
        AlertSummary alert,
        String machineId,
        String ruleId,
        String rulesetVersion,
        Map<String, Object> inputs,
        List<RuleAction> actions,
        IsolationType isolationType,
        DecisionOutcome outcome,
        UUID supersedes,
        String approvedBy,
        String requestedBy,
        List<String> recipients,
        String reason,
        List<RequestedAction> machineActions) implements Event {

    public DecisionMade {
        Fields.common("DecisionMade", eventId, correlationId, occurredAt, schemaVersion);
        Fields.required(decisionId, "DecisionMade.decisionId");
        Fields.optionalMachineId(machineId, "DecisionMade.machineId");
        Fields.required(rulesetVersion, "DecisionMade.rulesetVersion");
        inputs = Fields.map(inputs, "DecisionMade.inputs");
        actions = Fields.list(actions, "DecisionMade.actions");
        Fields.required(outcome, "DecisionMade.outcome");
        recipients = Fields.list(recipients, "DecisionMade.recipients");
        // Invariants whose violation would stop a consumer further down (response, notifier, audit).
        if (actions.contains(RuleAction.ISOLATE) && isolationType == null) {
            throw new IllegalArgumentException("DecisionMade.isolationType is required when actions contain isolate");
        }
        if (machineActions != null) {
            machineActions = Fields.list(machineActions, "DecisionMade.machineActions");
            boolean plansIsolation = machineActions.stream().anyMatch(a -> a.kind() == MachineActionKind.ISOLATE);
            if (plansIsolation != actions.contains(RuleAction.ISOLATE)) {
                throw new IllegalArgumentException("DecisionMade.machineActions must contain isolate exactly when "
                        + "actions contain isolate");
            }
        }
        if (outcome.resolvesHold() && supersedes == null) {
            throw new IllegalArgumentException("DecisionMade.supersedes is required for outcome " + outcome);
        }
        if (outcome == DecisionOutcome.RELEASED && (requestedBy == null || machineId == null)) {
            throw new IllegalArgumentException("DecisionMade.requestedBy and machineId are required for RELEASED");
        }
    }

    /** A decision about an enriched alert; correlation id = alert id, machine = the alert's machine. */
    public static DecisionMade forAlert(AlertSummary alert, String ruleId, String rulesetVersion,
            Map<String, Object> inputs, List<RuleAction> actions, IsolationType isolationType,
            DecisionOutcome outcome, List<String> recipients, String reason) {
        return forAlert(alert, ruleId, rulesetVersion, inputs, actions, isolationType, outcome, recipients, reason,
                null);
    }

    /** As above, with the machine actions the rule asks for ({@code machineActions}, in order). */
    public static DecisionMade forAlert(AlertSummary alert, String ruleId, String rulesetVersion,
            Map<String, Object> inputs, List<RuleAction> actions, IsolationType isolationType,
            DecisionOutcome outcome, List<String> recipients, String reason, List<RequestedAction> machineActions) {
        return new DecisionMade(UUID.randomUUID(), alert.alertId(), Instant.now(), SCHEMA_VERSION,
                UUID.randomUUID(), alert, alert.machineId(), ruleId, rulesetVersion, inputs, actions, isolationType,
                outcome, null, null, null, recipients, reason, machineActions);
    }

    /** A decision about an enriched hunting row; correlation id = row key, machine = the row's device. */
    public static DecisionMade forHuntingRow(HuntingRow row, String ruleId, String rulesetVersion,
            Map<String, Object> inputs, List<RuleAction> actions, IsolationType isolationType,
            DecisionOutcome outcome, List<String> recipients, String reason) {
        return forHuntingRow(row, ruleId, rulesetVersion, inputs, actions, isolationType, outcome, recipients,
                reason, null);
    }

    /** As above, with the machine actions the rule asks for ({@code machineActions}, in order). */
    public static DecisionMade forHuntingRow(HuntingRow row, String ruleId, String rulesetVersion,
            Map<String, Object> inputs, List<RuleAction> actions, IsolationType isolationType,
            DecisionOutcome outcome, List<String> recipients, String reason, List<RequestedAction> machineActions) {
        return new DecisionMade(UUID.randomUUID(), row.rowKey(), Instant.now(), SCHEMA_VERSION, UUID.randomUUID(),
                null, row.deviceId(), ruleId, rulesetVersion, inputs, actions, isolationType, outcome, null, null,
                null, recipients, reason, machineActions);
    }

    /** Settles a {@link DecisionOutcome#HELD} decision: APPROVED, DENIED or EXPIRED; the rest is copied from it. */
    public static DecisionMade settling(DecisionMade held, DecisionOutcome outcome, String approvedBy,
            String reason) {
        return new DecisionMade(UUID.randomUUID(), held.correlationId(), Instant.now(), SCHEMA_VERSION,
                UUID.randomUUID(), held.alert(), held.machineId(), held.ruleId(), held.rulesetVersion(),
                held.inputs(), held.actions(), held.isolationType(), outcome, held.decisionId(), approvedBy, null,
                held.recipients(), reason, held.machineActions());
    }

    /** An operator's release of a machine; no alert, so the correlation id is the decision id. */
    public static DecisionMade release(String machineId, String requestedBy, String rulesetVersion,
            List<String> recipients, String reason) {
        UUID decisionId = UUID.randomUUID();
        return new DecisionMade(UUID.randomUUID(), decisionId.toString(), Instant.now(), SCHEMA_VERSION, decisionId,
                null, machineId, null, rulesetVersion, Map.of(), List.of(), null, DecisionOutcome.RELEASED, null,
                null, requestedBy, recipients, reason,
                List.of(RequestedAction.of(RequestIds.forRelease(decisionId, MachineActionType.Unisolate),
                        MachineActionKind.UNISOLATE)));
    }

    /**
     * The machine actions of this decision in order: {@code machineActions}, or for a record written before that
     * field the isolation its {@code actions} name (a release: the unisolation).
     */
    public List<RequestedAction> plan() {
        if (machineActions != null) {
            return machineActions;
        }
        if (outcome == DecisionOutcome.RELEASED) {
            return List.of(RequestedAction.of(RequestIds.forRelease(decisionId, MachineActionType.Unisolate),
                    MachineActionKind.UNISOLATE));
        }
        if (actions.contains(RuleAction.ISOLATE) && ruleId != null) {
            return List.of(RequestedAction.isolate(RequestIds.forDecision(this, MachineActionType.Isolate),
                    isolationType));
        }
        return List.of();
    }

    @Override
    public EventType eventType() {
        return EventType.DECISION_MADE;
    }

    /** Keyed by machine id, else the correlation id (alert id or row key). */
    @Override
    public String kafkaKey() {
        return machineId != null ? machineId : correlationId;
    }
}
