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

    /** Starts an action, or 400 {@code ActiveRequestAlreadyExists} while one of that type is active on the machine. */
    public synchronized ActionRecord start(ActionType type, String scope, Machine machine, String comment,
            String requestor, ActionPlan plan, Instant now) {
        boolean active = actions.stream().anyMatch(a -> a.machineId().equals(machine.id()) && a.type() == type
                && a.statusAt(now).isActive());
        if (active) {
            throw ApiException.badRequest(ErrorCodes.ACTIVE_REQUEST_ALREADY_EXISTS, "Action is already in progress");
        }
        ActionRecord action = new ActionRecord(UUID.randomUUID().toString(), type, scope, requestor, comment,
                machine.id(), machine.computerDnsName(), now, plan);
        actions.add(action);
        return action;
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
            if (action.statusAt(now) == ActionStatus.Succeeded
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
