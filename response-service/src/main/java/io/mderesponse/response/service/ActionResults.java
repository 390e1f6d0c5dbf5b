package io.mderesponse.response.service;

import io.mderesponse.contracts.event.Event;
import io.mderesponse.contracts.event.FinalStatus;
import io.mderesponse.contracts.event.MachineActionCompleted;
import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.contracts.event.ResponseActionCompleted;
import io.mderesponse.contracts.event.ResponseActionRequested;
import io.mderesponse.defender.client.model.MachineAction;
import io.mderesponse.defender.client.model.MachineActionStatus;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Maps Defender's answers to the published {@code MachineActionCompleted} (isolation) or
 * {@code ResponseActionCompleted} (every other kind). Only Defender's {@code Succeeded}
 * becomes {@code Succeeded}: a machine is "isolated" then and never earlier.
 *
 * <p>The result's event id is derived from the request id, so should the same result ever be published twice
 * (a crash between its acknowledgement and the record that it is out), consumers see one event id and drop the
 * copy.
 */
public final class ActionResults {

    private static final String EVENT_ID_NAMESPACE = "mde-response/result/";

    private final Clock clock;

    public ActionResults(Clock clock) {
        this.clock = clock;
    }

    /** The one event id of a request's result. */
    public static UUID resultEventId(UUID requestId) {
        return UUID.nameUUIDFromBytes((EVENT_ID_NAMESPACE + requestId).getBytes(StandardCharsets.UTF_8));
    }

    public MachineActionCompleted result(MachineActionRequested request, String machineActionId, FinalStatus status,
            String reason, Instant requestedAt, Instant completedAt) {
        return new MachineActionCompleted(resultEventId(request.requestId()), request.correlationId(),
                clock.instant(), Event.SCHEMA_VERSION, request.requestId(), request.decisionId(), request.type(),
                request.machineId(), request.alert(), request.recipients(), machineActionId, status, reason,
                requestedAt, completedAt, request.ruleId(), request.actionKind(), request.plan());
    }

    public ResponseActionCompleted result(ResponseActionRequested request, String machineActionId,
            FinalStatus status, String reason, Instant requestedAt, Instant completedAt) {
        return new ResponseActionCompleted(resultEventId(request.requestId()), request.correlationId(),
                clock.instant(), Event.SCHEMA_VERSION, request.requestId(), request.decisionId(), request.kind(),
                request.machineId(), request.scanType(), request.sha1(), request.fileName(), request.ruleId(),
                request.plan(), request.alert(), request.recipients(), machineActionId, status, reason, requestedAt,
                completedAt);
    }

    /** The final status of an action Defender reports as final. */
    public static FinalStatus finalStatusOf(MachineAction action) {
        switch (action.status()) {
            case Succeeded:
                return FinalStatus.Succeeded;
            case Failed:
                return FinalStatus.Failed;
            case Cancelled:
                return FinalStatus.Cancelled;
            case TimeOut:
                return FinalStatus.TimeOut;
            default:
                throw new IllegalArgumentException("Machine action " + action.id() + " is not final: "
                        + action.status());
        }
    }

    /** Why an action that Defender reports as final ended so; null for success. */
    public static String reasonOf(MachineAction action) {
        if (action.status() == MachineActionStatus.Succeeded) {
            return null;
        }
        if (action.status() == MachineActionStatus.Cancelled) {
            return "Defender reports Cancelled" + (action.cancellationRequestor() == null ? ""
                    : " by " + action.cancellationRequestor())
                    + (action.cancellationComment() == null ? "" : ": " + action.cancellationComment());
        }
        return "Defender reports " + action.status() + (action.errorHResult() == null || action.errorHResult() == 0
                ? "" : " (errorHResult " + action.errorHResult() + ")");
    }

    /** Why an action followed for {@code timeout} without reaching a final status is reported as TimeOut. */
    public static String localTimeoutReason(MachineActionStatus lastSeen, Duration timeout, String lastProblem) {
        return "Still " + (lastSeen == null ? "unknown" : lastSeen) + " after " + timeout
                + " of following it; not reported as done" + (lastProblem == null ? "" : " (last read: "
                + lastProblem + ")");
    }
}
