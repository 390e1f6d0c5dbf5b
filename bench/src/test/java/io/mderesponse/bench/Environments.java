package io.mderesponse.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The environment variables of the two stacks: unthrottled (throughput, latency) and under Defender's limits. */
final class Environments {

    private static final List<String> FAMILIES = List.of("ALERTS", "MACHINES", "MACHINEACTIONS", "ISOLATE",
            "ADVANCEDQUERIES");
    private static final String WIDE_OPEN_PER_MINUTE = "10000000";
    private static final String WIDE_OPEN_PER_HOUR = "600000000";
    private static final String CALL_LOG_SIZE = "1000000";

    private Environments() {
    }

    /**
     * Services with every setting at its default (page size 500, machine cache 5 min...) but the poller's interval
     * (the default 30 s, or 5 s for the second latency run) and what would throttle or batch the measured flow: the Defender budget shares and the hourly isolation cap
     * are wide open, and the notifier's storm digest is off so each email goes out as it is decided.
     */
    static Map<String, String> unthrottledServices(BenchSettings settings, java.time.Duration pollInterval) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String family : FAMILIES) {
            env.put("DEFENDER_BUDGET_" + family + "_PER_MINUTE", WIDE_OPEN_PER_MINUTE);
            env.put("DEFENDER_BUDGET_" + family + "_PER_HOUR", WIDE_OPEN_PER_HOUR);
        }
        env.put("GUARD_MAX_ISOLATIONS_PER_HOUR", "10000000");
        env.put("NOTIFIER_DIGEST_THRESHOLD", "10000000");
        env.put("POLLER_INTERVAL", pollInterval.toSeconds() + "s");
        env.put("RESPONSE_POLL_INITIAL", "1s");
        env.putAll(settings.serviceEnvironment());
        return env;
    }

    /** The simulator without rate limits. */
    static Map<String, String> unthrottledSimulator() {
        Map<String, String> env = new LinkedHashMap<>();
        for (String family : FAMILIES) {
            env.put("SIMULATOR_RATE_LIMIT_" + family + "_PER_WINDOW", WIDE_OPEN_PER_MINUTE);
            env.put("SIMULATOR_RATE_LIMIT_" + family + "_PER_HOUR", WIDE_OPEN_PER_HOUR);
        }
        env.put("SIMULATOR_CALL_LOG_SIZE", CALL_LOG_SIZE);
        return env;
    }

    /**
     * Services at their default budget shares in the storm's window, the cap at the settings' value (at least the
     * storm's High count) over 60 windows, the poller's interval and overlap at their defaults (scaled in quick mode).
     */
    static Map<String, String> stormServices(BenchSettings settings) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DEFENDER_BUDGET_WINDOW", millis(settings.stormWindow().toMillis()));
        env.put("GUARD_MAX_ISOLATIONS_PER_HOUR", Integer.toString(settings.maxIsolationsPerHour()));
        env.put("GUARD_CAP_WINDOW", millis(settings.stormWindow().toMillis() * 60));
        env.put("POLLER_INTERVAL", millis(settings.stormPollInterval().toMillis()));
        env.put("POLLER_OVERLAP", millis(settings.stormPollOverlap().toMillis()));
        env.put("RESPONSE_POLL_INITIAL", settings.quick() ? "100ms" : "1s");
        env.put("RESPONSE_POLL_MAX", settings.quick() ? "200ms" : "15s");
        env.putAll(settings.serviceEnvironment());
        return env;
    }

    /** The simulator with Defender's limits (100 a minute, 1,500 an hour per family) in the storm's window. */
    static Map<String, String> stormSimulator(BenchSettings settings) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SIMULATOR_RATE_LIMIT_WINDOW", millis(settings.stormWindow().toMillis()));
        env.put("SIMULATOR_ACTION_DELAY", settings.quick() ? "300ms" : "1s");
        env.put("SIMULATOR_CALL_LOG_SIZE", CALL_LOG_SIZE);
        return env;
    }

    private static String millis(long millis) {
        return millis + "ms";
    }
}
