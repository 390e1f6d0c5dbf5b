package io.mderesponse.simulator.admin;

import io.mderesponse.simulator.actions.ActionBehaviours;
import io.mderesponse.simulator.actions.ActionStore;
import io.mderesponse.simulator.alerts.AlertStore;
import io.mderesponse.simulator.calls.CallLog;
import io.mderesponse.simulator.config.RuntimeSettings;
import io.mderesponse.simulator.config.SimulatorConfig;
import io.mderesponse.simulator.faults.FaultRegistry;
import io.mderesponse.simulator.hunting.HuntingTables;
import io.mderesponse.simulator.machines.MachineStore;
import io.mderesponse.simulator.ratelimit.RateLimiter;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Puts the simulator back to its start state: no data but the sample data, settings as configured. */
@ApplicationScoped
public class SimulatorReset {

    private final SimulatorConfig config;
    private final AlertStore alerts;
    private final MachineStore machines;
    private final ActionStore actions;
    private final ActionBehaviours behaviours;
    private final HuntingTables tables;
    private final FaultRegistry faults;
    private final CallLog calls;
    private final RateLimiter rateLimiter;
    private final RuntimeSettings settings;
    private final SampleData samples;

    public SimulatorReset(SimulatorConfig config, AlertStore alerts, MachineStore machines, ActionStore actions,
            ActionBehaviours behaviours, HuntingTables tables, FaultRegistry faults, CallLog calls,
            RateLimiter rateLimiter, RuntimeSettings settings, SampleData samples) {
        this.config = config;
        this.alerts = alerts;
        this.machines = machines;
        this.actions = actions;
        this.behaviours = behaviours;
        this.tables = tables;
        this.faults = faults;
        this.calls = calls;
        this.rateLimiter = rateLimiter;
        this.settings = settings;
        this.samples = samples;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.sampleData()) {
            samples.seed();
        }
    }

    /** Issued tokens stay valid: clients cache them, and the signing key lives as long as the process. */
    public synchronized void reset() {
        alerts.clear();
        machines.clear();
        actions.clear();
        behaviours.clear();
        tables.clear();
        faults.clear();
        calls.clear();
        rateLimiter.reset();
        settings.reset();
        if (config.sampleData()) {
            samples.seed();
        }
    }
}
