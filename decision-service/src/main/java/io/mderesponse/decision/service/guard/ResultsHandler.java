package io.mderesponse.decision.service.guard;

import io.mderesponse.contracts.event.FinalStatus;
import io.mderesponse.contracts.event.MachineActionCompleted;
import io.mderesponse.contracts.event.MachineActionType;
import io.mderesponse.decision.state.GuardStore;
import io.mderesponse.decision.state.MachineGuard;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Ends the machine window's "pending" state when the isolation's result arrives. Failed, Rejected and Cancelled
 * clear the window (the machine was not isolated, so a new alert may try again, still under the cap); Succeeded,
 * AlreadyPending and TimeOut (Defender may still carry it out) keep it until {@code guard.machine-window} has
 * passed. A succeeded Unisolate (a release) clears it.
 */
@ApplicationScoped
public class ResultsHandler {

    private static final Set<FinalStatus> NOT_ISOLATED = EnumSet.of(FinalStatus.Failed, FinalStatus.Rejected,
            FinalStatus.Cancelled);

    private final GuardStore store;

    public ResultsHandler(GuardStore store) {
        this.store = store;
    }

    public void handle(MachineActionCompleted result) {
        Optional<MachineGuard> guard = store.machine(result.machineId());
        if (guard.isEmpty() || guard.get().status() == MachineGuard.Status.CLEARED) {
            return;
        }
        if (result.type() == MachineActionType.Unisolate) {
            if (result.status().succeeded()) {
                store.putMachine(guard.get().withStatus(MachineGuard.Status.CLEARED));
            }
            return;
        }
        if (!result.requestId().equals(guard.get().requestId())
                || guard.get().status() != MachineGuard.Status.PENDING) {
            return; // an older isolation's result, or a copy
        }
        store.putMachine(guard.get().withStatus(NOT_ISOLATED.contains(result.status())
                ? MachineGuard.Status.CLEARED : MachineGuard.Status.ENDED));
    }
}
