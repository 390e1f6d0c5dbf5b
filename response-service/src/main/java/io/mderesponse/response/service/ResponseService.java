package io.mderesponse.response.service;

import io.mderesponse.contracts.event.FinalStatus;
import io.mderesponse.contracts.event.MachineActionCompleted;
import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.contracts.event.MachineActionType;
import io.mderesponse.defender.client.DefenderClient;
import io.mderesponse.defender.client.error.ActionAlreadyInProgressException;
import io.mderesponse.defender.client.error.DefenderApiException;
import io.mderesponse.defender.client.error.DefenderBadRequestException;
import io.mderesponse.defender.client.error.DefenderNotFoundException;
import io.mderesponse.defender.client.model.MachineAction;
import io.mderesponse.defender.client.model.MachineActionStatus;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Carries out one machine action request: one call to Defender, then follows the action to its final status.
 *
 * <p>Defender's answers that settle the request are reported, not thrown: a pending action of the same kind is
 * {@code AlreadyPending} (not a failure), an unknown machine or a refused request is {@code Rejected} with the
 * reason. Anything else (authorisation, throttling or outage after the client's retries) is thrown, so the
 * record is not acknowledged as done.
 */
public class ResponseService {

    private static final Logger LOG = Logger.getLogger(ResponseService.class);

    private final DefenderClient defender;
    private final ActionTracker tracker;
    private final Clock clock;

    public ResponseService(DefenderClient defender, ActionTracker tracker, Clock clock) {
        this.defender = defender;
        this.tracker = tracker;
        this.clock = clock;
    }

    public MachineActionCompleted execute(MachineActionRequested request) {
        Instant requestedAt = clock.instant();
        MachineAction started;
        try {
            started = request.type() == MachineActionType.Isolate
                    ? defender.isolate(request.machineId(), request.isolationType(), request.comment())
                    : defender.unisolate(request.machineId(), request.comment());
        } catch (ActionAlreadyInProgressException e) {
            return settled(request, null, FinalStatus.AlreadyPending, "Defender already has a " + request.type()
                    + " in progress for this machine" + target(e), requestedAt);
        } catch (DefenderNotFoundException e) {
            return settled(request, null, FinalStatus.Rejected, "Defender does not know machine "
                    + request.machineId() + target(e), requestedAt);
        } catch (DefenderBadRequestException e) {
            return settled(request, null, FinalStatus.Rejected, "Defender refused the request: "
                    + e.errorCode().orElse("BadRequest") + " " + e.errorMessage().orElse("") + target(e), requestedAt);
        }
        LOG.infof("Requested %s of machine=%s request=%s action=%s status=%s", request.type(), request.machineId(),
                request.requestId(), started.id(), started.status());
        MachineAction last = tracker.follow(started);
        return settled(request, last.id(), finalStatusOf(last), reasonFor(last), requestedAt);
    }

    private String reasonFor(MachineAction action) {
        if (action.status() == MachineActionStatus.Succeeded) {
            return null;
        }
        if (!ActionTracker.isFinal(action)) {
            return "Still " + action.status() + " after " + tracker.timeout() + "; not reported as done";
        }
        return "Defender reports " + action.status();
    }

    private static FinalStatus finalStatusOf(MachineAction action) {
        if (action.status() == null) {
            return FinalStatus.TimeOut;
        }
        switch (action.status()) {
            case Succeeded:
                return FinalStatus.Succeeded;
            case Failed:
                return FinalStatus.Failed;
            case Cancelled:
                return FinalStatus.Cancelled;
            default:
                // TimeOut from Defender, or still Pending/InProgress when we stopped following it.
                return FinalStatus.TimeOut;
        }
    }

    private MachineActionCompleted settled(MachineActionRequested request, String actionId, FinalStatus status,
            String reason, Instant requestedAt) {
        MachineActionCompleted completed = MachineActionCompleted.of(request, actionId, status, reason, requestedAt,
                clock.instant());
        LOG.infof("Completed %s of machine=%s request=%s action=%s status=%s", request.type(), request.machineId(),
                request.requestId(), actionId, status);
        return completed;
    }

    private static String target(DefenderApiException e) {
        return e.target().map(target -> " (Defender correlation " + target + ")").orElse("");
    }
}
