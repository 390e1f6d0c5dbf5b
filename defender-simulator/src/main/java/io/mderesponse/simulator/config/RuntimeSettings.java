package io.mderesponse.simulator.config;

import jakarta.enterprise.context.ApplicationScoped;

/** Holds the settings in force, which the admin API may change while the simulator runs. */
@ApplicationScoped
public class RuntimeSettings {

    private final SimulatorConfig config;
    private volatile Settings current;

    public RuntimeSettings(SimulatorConfig config) {
        this.config = config;
        this.current = Settings.from(config);
    }

    public Settings current() {
        return current;
    }

    public synchronized Settings change(SettingsChange change) {
        current = current.apply(change);
        return current;
    }

    /** Back to the start-up configuration. */
    public void reset() {
        current = Settings.from(config);
    }
}
