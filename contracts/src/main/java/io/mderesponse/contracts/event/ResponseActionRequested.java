package io.mderesponse.contracts.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.mderesponse.contracts.defender.ScanType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A request to the response service for a machine action other than isolation: an antivirus scan, an
 * investigation package, app restriction or its removal, a file quarantine. On its own topic
 * ({@code defender.response-actions.requested}), so the v1 isolation topics carry only what v1 consumers know.
 *
 * @param requestId derived by {@link RequestIds}, never random: the response service acts at most once per id
 * @param kind never an isolation kind (those are {@link MachineActionRequested}s); {@link MachineActionKind#UNKNOWN}
 *     when a newer producer names a kind this version does not know
 * @param scanType required for {@code antivirusScan}, else null
 * @param sha1 required for {@code stopAndQuarantineFile}: 40 hex characters, else null
 * @param fileName for {@code stopAndQuarantineFile}: the evidence's file name, untrusted text for people; may be null
 * @param comment the Defender comment
 * @param ruleId the rule that asked for it
 * @param plan every machine action of the decision, in order, this one included: the response service calls
 *     Defender for this one only after the ones before it
 * @param alert the alert's summary; null for hunting rows
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResponseActionRequested(
        UUID eventId,
        String correlationId,
        Instant occurredAt,
        int schemaVersion,
        UUID requestId,
        MachineActionKind kind,
        String machineId,
        ScanType scanType,
        String sha1,
        String fileName,
        String comment,
        UUID decisionId,
        String ruleId,
        List<RequestedAction> plan,
        AlertSummary alert,
        List<String> recipients) implements Event {

    public ResponseActionRequested {
        Fields.common("ResponseActionRequested", eventId, correlationId, occurredAt, schemaVersion);
        Fields.required(requestId, "ResponseActionRequested.requestId");
        Fields.required(kind, "ResponseActionRequested.kind");
        if (kind.isIsolation()) {
            throw new IllegalArgumentException("ResponseActionRequested.kind " + kind.wireName()
                    + " travels as MachineActionRequested");
        }
        Fields.machineId(machineId, "ResponseActionRequested.machineId");
        RequestedAction.checkParameters(kind, null, scanType, sha1, "ResponseActionRequested");
        Fields.required(comment, "ResponseActionRequested.comment");
        Fields.required(decisionId, "ResponseActionRequested.decisionId");
        plan = Fields.list(plan, "ResponseActionRequested.plan");
        recipients = Fields.list(recipients, "ResponseActionRequested.recipients");
    }

    /** The request that carries out {@code action} of {@code decision} on {@code machineId}. */
    public static ResponseActionRequested of(DecisionMade decision, RequestedAction action, String machineId,
            String comment) {
        return new ResponseActionRequested(UUID.randomUUID(), decision.correlationId(), Instant.now(),
                SCHEMA_VERSION, action.requestId(), action.kind(), machineId, action.scanType(), action.sha1(),
                action.fileName(), comment, decision.decisionId(), decision.ruleId(), decision.plan(),
                decision.alert(), decision.recipients());
    }

    /** The actions of the plan that come before this one; empty when it is first or not in the plan. */
    public List<RequestedAction> before() {
        for (int i = 0; i < plan.size(); i++) {
            if (plan.get(i).requestId().equals(requestId)) {
                return plan.subList(0, i);
            }
        }
        return List.of();
    }

    @Override
    public EventType eventType() {
        return EventType.RESPONSE_ACTION_REQUESTED;
    }

    /** Keyed by machine id. */
    @Override
    public String kafkaKey() {
        return machineId;
    }
}
