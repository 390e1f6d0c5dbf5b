package io.mderesponse.decision.service.guard;

import io.mderesponse.contracts.event.FinalStatus;
import io.mderesponse.contracts.event.MachineActionCompleted;
import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.contracts.event.MachineActionType;
import io.mderesponse.contracts.event.ResponseActionCompleted;
import io.mderesponse.decision.state.GuardStore;
import io.mderesponse.decision.state.MachineGuard;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Ends a machine window's "pending" state when its action's result arrives, for every kind alike. Failed, Rejected
 * and Cancelled clear the window (nothing was done, so a new alert may try again, still under the cap); Succeeded,
 * AlreadyPending and TimeOut (Defender may still carry it out) keep it until the kind's machine window has passed.
 * A succeeded Unisolate (a release, or a rule's) clears the isolation window, and a succeeded removeAppRestriction
 * the restrictAppExecution window: what they guarded is undone.
 */
@ApplicationScoped
public class ResultsHandler {

    private static final Set<FinalStatus> NOT_DONE = EnumSet.of(FinalStatus.Failed, FinalStatus.Rejected,
            FinalStatus.Cancelled);

    private final GuardStore store;

    public ResultsHandler(GuardStore store) {
        this.store = store;
    }

    /** An isolation's or unisolation's result (v1 topic). */
    public void handle(MachineActionCompleted result) {
        if (result.type() == MachineActionType.Unisolate) {
            if (result.status().succeeded()) {
                clear(result.machineId(), MachineActionKind.ISOLATE);
            }
            end(result.machineId(), MachineActionKind.UNISOLATE, null, result.requestId(), result.status());
            return;
        }
        end(result.machineId(), MachineActionKind.ISOLATE, null, result.requestId(), result.status());
    }

    /** The result of any other kind (scan, package, app restriction, quarantine). */
    public void handle(ResponseActionCompleted result) {
        if (result.kind() == MachineActionKind.UNKNOWN || result.kind().isIsolation()) {
            return; // a kind this version does not guard
        }
        if (result.kind() == MachineActionKind.REMOVE_APP_RESTRICTION && result.status().succeeded()) {
            clear(result.machineId(), MachineActionKind.RESTRICT_APP_EXECUTION);
        }
        end(result.machineId(), result.kind(), result.sha1(), result.requestId(), result.status());
    }

    private void end(String machineId, MachineActionKind kind, String sha1, UUID requestId, FinalStatus status) {
        Optional<MachineGuard> guard = store.window(machineId, kind, sha1);
        if (guard.isEmpty() || !requestId.equals(guard.get().requestId())
                || guard.get().status() != MachineGuard.Status.PENDING) {
            return; // an older action's result, a copy, or an action no window guards (a release)
        }
        store.putMachine(guard.get().withStatus(NOT_DONE.contains(status)
                ? MachineGuard.Status.CLEARED : MachineGuard.Status.ENDED));
    }

    private void clear(String machineId, MachineActionKind kind) {
        Optional<MachineGuard> guard = store.window(machineId, kind, null);
        if (guard.isPresent() && guard.get().status() != MachineGuard.Status.CLEARED) {
            store.putMachine(guard.get().withStatus(MachineGuard.Status.CLEARED));
        }
    }
}
