package io.mderesponse.bench;

import java.time.Duration;
import io.mderesponse.testsupport.process.ServiceProcess;
import java.util.List;
import java.util.Map;

/**
 * What one benchmark run does. The full run keeps Defender's real minute in the storms (tens of minutes); the quick
 * run ({@code -Dbench.quick=true}) uses smaller counts and compresses the rate-limit "minute" to one second, so it
 * checks the whole benchmark in a few minutes (its storm figures are then in windows, not minutes).
 *
 * @param throughputAlerts alerts seeded at once, all visible at the same instant, for the throughput scenario
 * @param latencyRate alerts per second raised for the latency scenario
 * @param latencyDuration how long each of the two latency runs (default and short poll interval) raises alerts
 * @param stormWindow the rate-limit "minute" of simulator and services in the storms
 * @param maxIsolationsPerHour {@code guard.max-isolations-per-hour} in the storm (at least its High count)
 * @param serviceEnvironment extra environment variables of every service ({@code -Dbench.service-env=A=1,B=2}),
 *     to measure a tuning before writing it into a service's configuration
 * @param serviceJvmOptions JVM options of every service ({@code -Dbench.jvm-options="-Xmx128m -XX:+UseSerialGC"});
 *     by default those the system tests use, {@link ServiceProcess#LEAN_JVM_OPTIONS}
 */
record BenchSettings(boolean quick, int throughputAlerts, int latencyRate, Duration latencyDuration,
        Duration stormWindow, int stormAlerts, int stormMachines, int stormHigh, int stormMedium,
        int maxIsolationsPerHour, Duration patience, Map<String, String> serviceEnvironment,
        List<String> serviceJvmOptions) {

    /** Share of High alerts in the throughput and latency scenarios; each High alert has a machine of its own. */
    static final double HIGH_SHARE = 0.1;
    /** Share of Medium alerts there; the rest alternate Low and Informational. */
    static final double MEDIUM_SHARE = 0.2;
    /** The poller's default interval ({@code poller.interval}), used in the throughput and latency scenarios. */
    static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(30);
    /** The short interval of the second latency run (issue 18: visible -> isolate p99 <= 7 s, -> email <= 9 s). */
    static final Duration SHORT_POLL_INTERVAL = Duration.ofSeconds(5);

    static BenchSettings fromSystemProperties() {
        BenchSettings settings = Boolean.getBoolean("bench.quick") ? quickRun() : fullRun();
        String jvmOptions = System.getProperty("bench.jvm-options", "default").trim();
        return settings.with(parse(System.getProperty("bench.service-env", "")),
                jvmOptions.isEmpty() || jvmOptions.equals("default") ? ServiceProcess.LEAN_JVM_OPTIONS
                        : List.of(jvmOptions.split("\\s+")));
    }

    BenchSettings with(Map<String, String> environment, List<String> jvmOptions) {
        return new BenchSettings(quick, throughputAlerts, latencyRate, latencyDuration, stormWindow, stormAlerts,
                stormMachines, stormHigh, stormMedium, maxIsolationsPerHour, patience, Map.copyOf(environment),
                List.copyOf(jvmOptions));
    }

    static Map<String, String> parse(String assignments) {
        Map<String, String> environment = new java.util.TreeMap<>();
        if (assignments.isBlank() || assignments.equals("none")) {
            return environment;
        }
        for (String assignment : assignments.split(",")) {
            if (assignment.isBlank()) {
                continue;
            }
            int equals = assignment.indexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("bench.service-env: expected VAR=value, got '" + assignment + "'");
            }
            environment.put(assignment.substring(0, equals).trim(), assignment.substring(equals + 1).trim());
        }
        return environment;
    }

    static BenchSettings fullRun() {
        // Two latency runs of 90 s instead of one of 120 s keep the full run at about 30 minutes.
        return new BenchSettings(false, 10_000, 100, Duration.ofSeconds(90), Duration.ofMinutes(1), 1000, 200, 50,
                250, 100, Duration.ofMinutes(40), Map.of(),
                ServiceProcess.LEAN_JVM_OPTIONS);
    }

    static BenchSettings quickRun() {
        return new BenchSettings(true, 4_000, 100, Duration.ofSeconds(30), Duration.ofSeconds(1), 1000, 200, 50,
                250, 100, Duration.ofMinutes(5), Map.of(),
                ServiceProcess.LEAN_JVM_OPTIONS);
    }

    /** The poller's interval in the storm: the default, scaled with the window as the services' tests do. */
    Duration stormPollInterval() {
        return quick ? stormWindow.dividedBy(2) : DEFAULT_POLL_INTERVAL;
    }

    /** The poller's overlap in the storm: 5 minutes, scaled likewise. */
    Duration stormPollOverlap() {
        return quick ? stormWindow.multipliedBy(5) : Duration.ofMinutes(5);
    }
}
