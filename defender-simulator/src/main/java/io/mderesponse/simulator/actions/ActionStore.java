package io.mderesponse.simulator.actions;

import io.mderesponse.simulator.error.ApiException;
import io.mderesponse.simulator.error.ErrorCodes;
import io.mderesponse.simulator.machines.Machine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** All machine actions, in creation order. Check-and-create is atomic so two racing isolates cannot both start. */
@ApplicationScoped
public class ActionStore {

    private final List<ActionRecord> actions = new ArrayList<>();

    /** What a request does while an action of its type (and, for a quarantine, its file) is active on the machine. */
    public enum OnActive {
        /** 400 {@code ActiveRequestAlreadyExists} "Action is already in progress". */
        REFUSE,
        /** Answer the active action; nothing new is created. */
        RETURN_ACTIVE,
        /** Start another action all the same. */
        START_ANOTHER
    }

    /** The action a request answers with, and whether the request created it. */
    public record Started(ActionRecord action, boolean created) {
    }

    /** Starts an action, or 400 {@code ActiveRequestAlreadyExists} while one of that type is active on the machine. */
    public ActionRecord start(ActionType type, String scope, Machine machine, String comment, String requestor,
            ActionPlan plan, Instant now) {
        return start(type, scope, null, machine, comment, requestor, plan, now, OnActive.REFUSE).action();
    }

    /**
     * Starts an action unless one of the same type (and the same file, when {@code sha1} is set) is active on the
     * machine; then does as {@code onActive} says. Check and create are one step, so two racing requests cannot both
     * pass the check.
     */
    public synchronized Started start(ActionType type, String scope, String sha1, Machine machine, String comment,
            String requestor, ActionPlan plan, Instant now, OnActive onActive) {
        Optional<ActionRecord> active = actions.stream()
                .filter(a -> a.machineId().equals(machine.id()) && a.type() == type
                        && (sha1 == null || sha1.equalsIgnoreCase(a.sha1())) && a.statusAt(now).isActive())
                .findFirst();
        if (active.isPresent() && onActive == OnActive.REFUSE) {
            throw ApiException.badRequest(ErrorCodes.ACTIVE_REQUEST_ALREADY_EXISTS, "Action is already in progress");
        }
        if (active.isPresent() && onActive == OnActive.RETURN_ACTIVE) {
            return new Started(active.get(), false);
        }
        ActionRecord action = new ActionRecord(UUID.randomUUID().toString(), type, scope, sha1, requestor, comment,
                machine.id(), machine.computerDnsName(), now, plan);
        actions.add(action);
        return new Started(action, true);
    }

    public synchronized Optional<ActionRecord> find(String id) {
        return actions.stream().filter(a -> a.id().equalsIgnoreCase(id)).findFirst();
    }

    public synchronized List<ActionRecord> all() {
        return List.copyOf(actions);
    }

    /** Cancels an active action; a final one cannot be cancelled. */
    public synchronized ActionRecord cancel(ActionRecord action, String requestor, String comment, Instant now) {
        ActionStatus status = action.statusAt(now);
        if (!status.isActive()) {
            throw ApiException.badRequest(ErrorCodes.BAD_REQUEST,
                    "Action " + action.id() + " cannot be cancelled because its status is " + status + ".");
        }
        action.cancel(requestor, comment, now);
        return action;
    }

    /** The machine's isolation as its succeeded isolate and unisolate actions leave it now. */
    public synchronized IsolationState isolationOf(String machineId, Instant now) {
        List<ActionRecord> ofMachine = new ArrayList<>();
        ActionRecord decisive = null;
        for (ActionRecord action : actions) {
            if (!action.machineId().equals(machineId)) {
                continue;
            }
            ofMachine.add(action);
            if (action.type().isIsolation() && action.statusAt(now) == ActionStatus.Succeeded
                    && (decisive == null || !action.finalAt().isBefore(decisive.finalAt()))) {
                decisive = action;
            }
        }
        boolean isolated = decisive != null && decisive.type() == ActionType.Isolate;
        return new IsolationState(machineId, isolated, isolated ? decisive.scope() : null,
                decisive == null ? null : decisive.id(), ofMachine.stream().map(ActionRecord::id).toList());
    }

    public synchronized void clear() {
        actions.clear();
    }
}
