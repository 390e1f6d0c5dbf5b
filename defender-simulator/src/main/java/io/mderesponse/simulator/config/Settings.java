package io.mderesponse.simulator.config;

import io.mderesponse.simulator.actions.ActionOutcome;
import io.mderesponse.simulator.ratelimit.ApiFamily;
import io.mderesponse.simulator.ratelimit.RateLimit;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/** The settings in force: start-up configuration, possibly changed at run time through the admin API. */
public record Settings(
        Duration actionDelay,
        ActionOutcome actionOutcome,
        Duration tokenLifetime,
        Duration rateLimitWindow,
        Map<ApiFamily, RateLimit> limits) {

    public Settings {
        limits = Map.copyOf(limits);
    }

    /** The settings the configuration asks for. */
    public static Settings from(SimulatorConfig config) {
        SimulatorConfig.RateLimit rl = config.rateLimit();
        Map<ApiFamily, RateLimit> limits = new EnumMap<>(ApiFamily.class);
        limits.put(ApiFamily.ALERTS, new RateLimit(rl.alerts().perWindow(), rl.alerts().perHour()));
        limits.put(ApiFamily.MACHINES, new RateLimit(rl.machines().perWindow(), rl.machines().perHour()));
        limits.put(ApiFamily.MACHINEACTIONS,
                new RateLimit(rl.machineactions().perWindow(), rl.machineactions().perHour()));
        limits.put(ApiFamily.ISOLATE, new RateLimit(rl.isolate().perWindow(), rl.isolate().perHour()));
        limits.put(ApiFamily.ADVANCEDQUERIES,
                new RateLimit(rl.advancedqueries().perWindow(), rl.advancedqueries().perHour()));
        limits.put(ApiFamily.GRAPHHUNTING,
                new RateLimit(rl.graphhunting().perWindow(), rl.graphhunting().perHour()));
        return new Settings(config.action().delay(), config.action().outcome(), config.tokenLifetime(),
                rl.window(), limits);
    }

    /** These settings with every value the change names replaced. */
    public Settings apply(SettingsChange change) {
        Map<ApiFamily, RateLimit> newLimits = new EnumMap<>(limits);
        if (change.rateLimits() != null) {
            change.rateLimits().forEach((name, limit) -> {
                ApiFamily family = ApiFamily.byName(name).filter(ApiFamily::isRateLimited)
                        .orElseThrow(() -> new IllegalArgumentException("Unknown API family '" + name + "'"));
                RateLimit old = newLimits.get(family);
                newLimits.put(family, new RateLimit(
                        limit.perWindow() == null ? old.perWindow() : limit.perWindow(),
                        limit.perHour() == null ? old.perHour() : limit.perHour()));
            });
        }
        return new Settings(
                change.actionDelay() == null ? actionDelay : Durations.parse(change.actionDelay()),
                change.actionOutcome() == null ? actionOutcome : change.actionOutcome(),
                change.tokenLifetime() == null ? tokenLifetime : Durations.parse(change.tokenLifetime()),
                change.rateLimitWindow() == null ? rateLimitWindow : Durations.parse(change.rateLimitWindow()),
                newLimits);
    }
}
