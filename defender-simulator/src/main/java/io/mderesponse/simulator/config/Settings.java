package io.mderesponse.simulator.config;

import io.mderesponse.simulator.actions.ActionOutcome;
import io.mderesponse.simulator.actions.InitialStatus;
import io.mderesponse.simulator.actions.QuarantineRepeat;
import io.mderesponse.simulator.actions.RepeatAnswer;
import io.mderesponse.simulator.ratelimit.ApiFamily;
import io.mderesponse.simulator.ratelimit.RateLimit;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The settings in force: start-up configuration, possibly changed at run time through the admin API.
 *
 * @param roles the application permissions granted to the client now (see {@code simulator.roles})
 */
public record Settings(
        Duration actionDelay,
        ActionOutcome actionOutcome,
        InitialStatus actionInitialStatus,
        RepeatAnswer repeatAnswer,
        QuarantineRepeat quarantineRepeat,
        Duration tokenLifetime,
        Duration rateLimitWindow,
        Map<ApiFamily, RateLimit> limits,
        List<String> roles) {

    public Settings {
        limits = Map.copyOf(limits);
        roles = List.copyOf(roles);
    }

    /** The settings the configuration asks for. */
    public static Settings from(SimulatorConfig config) {
        SimulatorConfig.RateLimit rl = config.rateLimit();
        Map<ApiFamily, RateLimit> limits = new EnumMap<>(ApiFamily.class);
        limits.put(ApiFamily.ALERTS, limit(rl.alerts()));
        limits.put(ApiFamily.MACHINES, limit(rl.machines()));
        limits.put(ApiFamily.MACHINEACTIONS, limit(rl.machineactions()));
        limits.put(ApiFamily.ISOLATE, limit(rl.isolate()));
        limits.put(ApiFamily.ANTIVIRUSSCAN, limit(rl.antivirusscan()));
        limits.put(ApiFamily.INVESTIGATIONPACKAGE, limit(rl.investigationpackage()));
        limits.put(ApiFamily.RESTRICTEXECUTION, limit(rl.restrictexecution()));
        limits.put(ApiFamily.QUARANTINE, limit(rl.quarantine()));
        limits.put(ApiFamily.PACKAGEURI, new RateLimit(rl.packageuri().perWindow(), rl.packageuri().perHour()));
        limits.put(ApiFamily.ADVANCEDQUERIES,
                new RateLimit(rl.advancedqueries().perWindow(), rl.advancedqueries().perHour()));
        limits.put(ApiFamily.GRAPHHUNTING,
                new RateLimit(rl.graphhunting().perWindow(), rl.graphhunting().perHour()));
        SimulatorConfig.Action action = config.action();
        return new Settings(action.delay(), action.outcome(), action.initialStatus(), action.repeatAnswer(),
                action.quarantineRepeat(), config.tokenLifetime(), rl.window(), limits, config.roles());
    }

    private static RateLimit limit(SimulatorConfig.StandardLimit limit) {
        return new RateLimit(limit.perWindow(), limit.perHour());
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
                change.actionInitialStatus() == null ? actionInitialStatus : change.actionInitialStatus(),
                change.repeatAnswer() == null ? repeatAnswer : change.repeatAnswer(),
                change.quarantineRepeat() == null ? quarantineRepeat : change.quarantineRepeat(),
                change.tokenLifetime() == null ? tokenLifetime : Durations.parse(change.tokenLifetime()),
                change.rateLimitWindow() == null ? rateLimitWindow : Durations.parse(change.rateLimitWindow()),
                newLimits,
                change.roles() == null ? roles : change.roles());
    }
}
