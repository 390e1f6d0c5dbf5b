package io.mderesponse.contracts.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.mderesponse.contracts.defender.ScanType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The end of a {@link ResponseActionRequested}; echoes the request so consumers need not join. On its own topic
 * ({@code defender.response-actions.results}).
 *
 * @param machineActionId Defender's machine action id (a GUID); null when Defender was never called or refused
 * @param status how it ended; {@code AlreadyPending} when Defender answered "Action is already in progress",
 *     {@code Rejected} for another refusal (a 400, a 404, or a 403 for a missing permission, named in the reason)
 * @param reason why it ended so, for people; null on success
 * @param requestedAt when the response service asked Defender (or decided not to)
 * @param completedAt when the final status was known
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResponseActionCompleted(
        UUID eventId,
        String correlationId,
        Instant occurredAt,
        int schemaVersion,
        UUID requestId,
        UUID decisionId,
        MachineActionKind kind,
        String machineId,
        ScanType scanType,
        String sha1,
        String fileName,
        String ruleId,
        List<RequestedAction> plan,
        AlertSummary alert,
        List<String> recipients,
        String machineActionId,
        FinalStatus status,
        String reason,
        Instant requestedAt,
        Instant completedAt) implements Event {

    public ResponseActionCompleted {
        Fields.common("ResponseActionCompleted", eventId, correlationId, occurredAt, schemaVersion);
        Fields.required(requestId, "ResponseActionCompleted.requestId");
        Fields.required(decisionId, "ResponseActionCompleted.decisionId");
        Fields.required(kind, "ResponseActionCompleted.kind");
        Fields.machineId(machineId, "ResponseActionCompleted.machineId");
        plan = Fields.list(plan, "ResponseActionCompleted.plan");
        recipients = Fields.list(recipients, "ResponseActionCompleted.recipients");
        Fields.required(status, "ResponseActionCompleted.status");
        Fields.required(requestedAt, "ResponseActionCompleted.requestedAt");
        Fields.required(completedAt, "ResponseActionCompleted.completedAt");
    }

    public static ResponseActionCompleted of(ResponseActionRequested request, String machineActionId,
            FinalStatus status, String reason, Instant requestedAt, Instant completedAt) {
        return new ResponseActionCompleted(UUID.randomUUID(), request.correlationId(), Instant.now(), SCHEMA_VERSION,
                request.requestId(), request.decisionId(), request.kind(), request.machineId(), request.scanType(),
                request.sha1(), request.fileName(), request.ruleId(), request.plan(), request.alert(),
                request.recipients(), machineActionId, status, reason, requestedAt, completedAt);
    }

    @Override
    public EventType eventType() {
        return EventType.RESPONSE_ACTION_COMPLETED;
    }

    /** Keyed by machine id. */
    @Override
    public String kafkaKey() {
        return machineId;
    }
}
