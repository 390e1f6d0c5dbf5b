package io.mderesponse.bench;

import io.mderesponse.testsupport.defender.SimulatorCall;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads the simulator's call log: Defender API calls by family, 429s, isolate calls. */
final class ApiCalls {

    /** Defender's documented limits per family: calls per minute (per hour: 1,500 for each). */
    static final Map<String, Integer> PER_MINUTE = Map.of("alerts", 100, "machines", 100, "machineactions", 100,
            "isolate", 100, "advancedqueries", 45);
    static final int PER_HOUR = 1500;

    private static final Pattern ISOLATE = Pattern.compile("/api/machines/([0-9a-f]{40})/isolate");

    private ApiCalls() {
    }

    /** Defender API calls only (no token requests, no admin calls), received from {@code since} on. */
    static List<SimulatorCall> api(List<SimulatorCall> calls, Instant since) {
        return calls.stream().filter(c -> PER_MINUTE.containsKey(c.family()) && !c.time().isBefore(since)).toList();
    }

    /** Calls per family. */
    static Map<String, Long> perFamily(List<SimulatorCall> calls) {
        return calls.stream().collect(Collectors.groupingBy(SimulatorCall::family, TreeMap::new,
                Collectors.counting()));
    }

    /** Calls answered 429, per family. */
    static Map<String, Long> throttledPerFamily(List<SimulatorCall> calls) {
        return perFamily(calls.stream().filter(c -> c.status() != null && c.status() == 429).toList());
    }

    /** The machine of an isolate call that Defender accepted (201). */
    static Optional<String> isolatedMachine(SimulatorCall call) {
        if (!"POST".equals(call.method()) || call.status() == null || call.status() != 201) {
            return Optional.empty();
        }
        Matcher m = ISOLATE.matcher(call.path());
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The time the last accepted isolate call of one of these machines arrived. */
    static Optional<Instant> lastIsolation(List<SimulatorCall> calls, java.util.Set<String> machines) {
        return calls.stream().filter(c -> isolatedMachine(c).filter(machines::contains).isPresent())
                .map(SimulatorCall::time).max(Instant::compareTo);
    }

    /** Whole "minutes" of the given length, as a readable number. */
    static double windows(Duration duration, Duration window) {
        return duration.toMillis() / (double) window.toMillis();
    }
}
