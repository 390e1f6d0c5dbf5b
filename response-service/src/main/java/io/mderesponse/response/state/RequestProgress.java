package io.mderesponse.response.state;

import io.mderesponse.contracts.event.FinalStatus;
import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.contracts.event.MachineActionType;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a request stands once Defender has an action for it ({@link Phase#TRACKING}) or once its final result is
 * published ({@link Phase#COMPLETED}): the durable map of request id to Defender's machine action id.
 *
 * @param machineActionId Defender's action; null for a request settled without one (AlreadyPending, Rejected)
 * @param requestedAt when the first call for the request began
 * @param trackedSince when Defender's action became known (started or recovered): the action timeout counts from
 *     then
 * @param request the whole request while tracking, so the result can be published after a restart; null once
 *     completed
 * @param status, reason, completedAt the published result; null while tracking
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
        Instant completedAt) {

    /** Whether the action is still followed or its result is out. */
    public enum Phase {
        TRACKING,
        COMPLETED
    }

    public RequestProgress {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(requestedAt, "requestedAt");
        if (phase == Phase.TRACKING && (machineActionId == null || request == null || trackedSince == null)) {
            throw new IllegalArgumentException("A tracked request needs its machine action id, its request and "
                    + "when tracking began");
        }
        if (phase == Phase.COMPLETED && (status == null || completedAt == null)) {
            throw new IllegalArgumentException("A completed request needs its final status and completion time");
        }
    }

    /** Defender has action {@code machineActionId} for the request; it is followed until final. */
    public static RequestProgress tracking(MachineActionRequested request, String machineActionId,
            Instant requestedAt, Instant trackedSince) {
        return new RequestProgress(request.requestId(), request.machineId(), request.type(), Phase.TRACKING,
                machineActionId, requestedAt, trackedSince, request, null, null, null);
    }

    /** The request's final result is published. */
    public static RequestProgress completed(MachineActionRequested request, String machineActionId,
            Instant requestedAt, FinalStatus status, String reason, Instant completedAt) {
        return new RequestProgress(request.requestId(), request.machineId(), request.type(), Phase.COMPLETED,
                machineActionId, requestedAt, null, null, status, reason, completedAt);
    }

    public boolean isCompleted() {
        return phase == Phase.COMPLETED;
    }
}
