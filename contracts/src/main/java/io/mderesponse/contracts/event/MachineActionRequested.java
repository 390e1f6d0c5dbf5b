package io.mderesponse.contracts.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.mderesponse.contracts.defender.IsolationType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A request to the response service to isolate or unisolate a machine.
 *
 * @param requestId derived by {@link RequestIds}, never random: the response service acts at most once per id
 * @param isolationType required for Isolate, null for Unisolate
 * @param comment the Defender comment
 * @param alert the alert's summary; null for hunting rows and releases
 * @param ruleId the rule that asked for it; null for releases (added within v1, like {@code kind} and {@code plan}:
 *     null in records written before them)
 * @param kind {@code isolate} or {@code unisolate}, the same as {@code type} (other kinds are
 *     {@link ResponseActionRequested}s)
 * @param plan every machine action of the decision, in order, this one included
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MachineActionRequested(
        UUID eventId,
        String correlationId,
        Instant occurredAt,
        int schemaVersion,
        UUID requestId,
        MachineActionType type,
        String machineId,
        IsolationType isolationType,
        String comment,
        UUID decisionId,
        AlertSummary alert,
        List<String> recipients,
        String ruleId,
        MachineActionKind kind,
        List<RequestedAction> plan) implements Event {

    public MachineActionRequested {
        Fields.common("MachineActionRequested", eventId, correlationId, occurredAt, schemaVersion);
        Fields.required(requestId, "MachineActionRequested.requestId");
        Fields.required(type, "MachineActionRequested.type");
        Fields.machineId(machineId, "MachineActionRequested.machineId");
        if (type == MachineActionType.Isolate && isolationType == null) {
            throw new IllegalArgumentException("MachineActionRequested.isolationType is required for Isolate");
        }
        Fields.required(comment, "MachineActionRequested.comment");
        Fields.required(decisionId, "MachineActionRequested.decisionId");
        recipients = Fields.list(recipients, "MachineActionRequested.recipients");
        if (kind != null && kind != MachineActionKind.of(type)) {
            throw new IllegalArgumentException("MachineActionRequested.kind " + kind.wireName()
                    + " does not match its type " + type);
        }
        plan = plan == null ? null : Fields.list(plan, "MachineActionRequested.plan");
    }

    /**
     * The request that carries out {@code decision} on {@code machineId}: request id from
     * {@link RequestIds#forDecision}, isolation type (for Isolate), alert, recipients and correlation id from it.
     */
    public static MachineActionRequested of(DecisionMade decision, MachineActionType type, String machineId,
            String comment) {
        IsolationType isolation = type == MachineActionType.Isolate ? decision.isolationType() : null;
        return new MachineActionRequested(UUID.randomUUID(), decision.correlationId(), Instant.now(), SCHEMA_VERSION,
                RequestIds.forDecision(decision, type), type, machineId, isolation, comment, decision.decisionId(),
                decision.alert(), decision.recipients(), decision.ruleId(), MachineActionKind.of(type),
                decision.plan());
    }

    /** The kind, also for records written before the field: {@code type}'s. */
    public MachineActionKind actionKind() {
        return MachineActionKind.of(type);
    }

    @Override
    public EventType eventType() {
        return EventType.MACHINE_ACTION_REQUESTED;
    }

    /** Keyed by machine id. */
    @Override
    public String kafkaKey() {
        return machineId;
    }
}
