package io.mderesponse.simulator.actions;

import io.mderesponse.simulator.config.RuntimeSettings;
import io.mderesponse.simulator.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Per-machine overrides of how actions progress, falling back to the settings in force. */
@ApplicationScoped
public class ActionBehaviours {

    /** An override; a null field falls back to the global setting. */
    public record Behaviour(ActionOutcome outcome, Duration delay) {
    }

    private final Map<String, Behaviour> byMachine = new ConcurrentHashMap<>();
    private final RuntimeSettings settings;

    public ActionBehaviours(RuntimeSettings settings) {
        this.settings = settings;
    }

    public void set(String machineId, Behaviour behaviour) {
        byMachine.put(machineId, behaviour);
    }

    public Optional<Behaviour> get(String machineId) {
        return Optional.ofNullable(byMachine.get(machineId));
    }

    public boolean remove(String machineId) {
        return byMachine.remove(machineId) != null;
    }

    /** The plan for a new action on this machine. */
    public ActionPlan planFor(String machineId) {
        Settings current = settings.current();
        Behaviour override = byMachine.get(machineId);
        Duration delay = override != null && override.delay() != null ? override.delay() : current.actionDelay();
        ActionOutcome outcome = override != null && override.outcome() != null ? override.outcome()
                : current.actionOutcome();
        return new ActionPlan(delay, outcome, current.actionInitialStatus());
    }

    public void clear() {
        byMachine.clear();
    }
}
