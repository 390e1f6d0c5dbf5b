package io.mderesponse.response.state;

import io.mderesponse.contracts.event.FinalStatus;
import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.contracts.event.MachineActionType;
import io.mderesponse.contracts.event.ResponseActionRequested;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a request stands once Defender has an action for it ({@link Phase#TRACKING}) or once its final result is
 * published ({@link Phase#COMPLETED}): the durable map of request id to Defender's machine action id.
 *
 * <p>Grown additively like {@link RequestIntent}: older records have {@code type} and, while tracking,
 * {@code request}; records of kinds other than isolation have {@code kind} and, while tracking,
 * {@code responseRequest}.
 *
 * @param type the v1 type of an isolation request; null for other kinds
 * @param machineActionId Defender's action; null for a request settled without one (AlreadyPending, Rejected)
 * @param requestedAt when the first call for the request began
 * @param trackedSince when Defender's action became known (started or recovered): the action timeout counts from
 *     then
 * @param request the whole v1 request while tracking, so the result can be published after a restart; null once
 *     completed and for other kinds
 * @param status, reason, completedAt the published result; null while tracking
 * @param kind the action kind; null in records written before it (then {@code type}'s)
 * @param responseRequest the whole request of another kind while tracking; null otherwise
 */
public record RequestProgress(
        UUID requestId,
        String machineId,
        MachineActionType type,
        Phase phase,
        String machineActionId,
        Instant requestedAt,
        Instant trackedSince,
        MachineActionRequested request,
        FinalStatus status,
        String reason,
        Instant completedAt,
        MachineActionKind kind,
        ResponseActionRequested responseRequest) {

    /** Whether the action is still followed or its result is out. */
    public enum Phase {
        TRACKING,
        COMPLETED
    }

    public RequestProgress {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(requestedAt, "requestedAt");
        if (phase == Phase.TRACKING && (machineActionId == null || (request == null) == (responseRequest == null)
                || trackedSince == null)) {
            throw new IllegalArgumentException("A tracked request needs its machine action id, its request and "
                    + "when tracking began");
        }
        if (phase == Phase.COMPLETED && (status == null || completedAt == null)) {
            throw new IllegalArgumentException("A completed request needs its final status and completion time");
        }
        if (kind == null && type != null) {
            kind = MachineActionKind.of(type);
        }
    }

    /** Defender has action {@code machineActionId} for the request; it is followed until final. */
    public static RequestProgress tracking(ActionRequest request, String machineActionId, Instant requestedAt,
            Instant trackedSince) {
        return new RequestProgress(request.requestId(), request.machineId(), request.kind().v1Type().orElse(null),
                Phase.TRACKING, machineActionId, requestedAt, trackedSince, request.isolation(), null, null, null,
                request.kind(), request.response());
    }

    /** The request's final result is published. */
    public static RequestProgress completed(ActionRequest request, String machineActionId, Instant requestedAt,
            FinalStatus status, String reason, Instant completedAt) {
        return new RequestProgress(request.requestId(), request.machineId(), request.kind().v1Type().orElse(null),
                Phase.COMPLETED, machineActionId, requestedAt, null, null, status, reason, completedAt,
                request.kind(), null);
    }

    public boolean isCompleted() {
        return phase == Phase.COMPLETED;
    }

    /** The request while it is tracked, whichever event it came as. */
    public ActionRequest action() {
        return new ActionRequest(request, responseRequest);
    }
}
