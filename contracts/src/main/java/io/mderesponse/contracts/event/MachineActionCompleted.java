package io.mderesponse.contracts.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The end of a requested machine action; echoes the request so consumers need not join.
 *
 * @param machineActionId Defender's machine action id (a GUID); null when Defender was never called
 * @param reason why it ended so, for people; null on success
 * @param requestedAt when the response service asked Defender (or decided not to)
 * @param completedAt when the final status was known
 * @param ruleId the rule that asked for it; null for releases (added within v1, like {@code kind} and {@code plan}:
 *     null in records written before them)
 * @param kind {@code isolate} or {@code unisolate}, the same as {@code type}
 * @param plan every machine action of the decision, in order, this one included
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MachineActionCompleted(
        UUID eventId,
        String correlationId,
        Instant occurredAt,
        int schemaVersion,
        UUID requestId,
        UUID decisionId,
        MachineActionType type,
        String machineId,
        AlertSummary alert,
        List<String> recipients,
        String machineActionId,
        FinalStatus status,
        String reason,
        Instant requestedAt,
        Instant completedAt,
        String ruleId,
        MachineActionKind kind,
        List<RequestedAction> plan) implements Event {

    public MachineActionCompleted {
        Fields.common("MachineActionCompleted", eventId, correlationId, occurredAt, schemaVersion);
        Fields.required(requestId, "MachineActionCompleted.requestId");
        Fields.required(decisionId, "MachineActionCompleted.decisionId");
        Fields.required(type, "MachineActionCompleted.type");
        Fields.machineId(machineId, "MachineActionCompleted.machineId");
        recipients = Fields.list(recipients, "MachineActionCompleted.recipients");
        Fields.required(status, "MachineActionCompleted.status");
        Fields.required(requestedAt, "MachineActionCompleted.requestedAt");
        Fields.required(completedAt, "MachineActionCompleted.completedAt");
        if (kind != null && kind != MachineActionKind.of(type)) {
            throw new IllegalArgumentException("MachineActionCompleted.kind " + kind.wireName()
                    + " does not match its type " + type);
        }
        plan = plan == null ? null : Fields.list(plan, "MachineActionCompleted.plan");
    }

    public static MachineActionCompleted of(MachineActionRequested request, String machineActionId,
            FinalStatus status, String reason, Instant requestedAt, Instant completedAt) {
        return new MachineActionCompleted(UUID.randomUUID(), request.correlationId(), Instant.now(), SCHEMA_VERSION,
                request.requestId(), request.decisionId(), request.type(), request.machineId(), request.alert(),
                request.recipients(), machineActionId, status, reason, requestedAt, completedAt, request.ruleId(),
                MachineActionKind.of(request.type()), request.plan());
    }

    @Override
    public EventType eventType() {
        return EventType.MACHINE_ACTION_COMPLETED;
    }

    /** Keyed by machine id. */
    @Override
    public String kafkaKey() {
        return machineId;
    }
}
