package io.mderesponse.systemtests.budget;

import io.mderesponse.testsupport.defender.SimulatorCall;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Reads the simulator's call log ({@code SimulatorAdmin.calls}) the way the "done when" asks. */
final class CallLogCheck {

    /** API families of the call log with Defender's per-minute limits (per hour: 1,500 each). */
    static final Map<String, Integer> PER_MINUTE = Map.of("alerts", 100, "machines", 100, "machineactions", 100,
            "isolate", 100, "advancedqueries", 45, "graphhunting", 45);
    static final int PER_HOUR = 1500;

    private CallLogCheck() {
    }

    /** API calls only (no token requests). */
    static List<SimulatorCall> api(List<SimulatorCall> calls) {
        return calls.stream().filter(c -> PER_MINUTE.containsKey(c.family()))
                .sorted(Comparator.comparing(SimulatorCall::time)).toList();
    }

    /**
     * Every span of {@code span} (starting at a call) in which a family received more than its limit; empty when
     * the log never exceeds it.
     */
    static List<String> overLimit(List<SimulatorCall> calls, Duration span, boolean hour) {
        List<String> problems = new ArrayList<>();
        Map<String, List<Instant>> byFamily = api(calls).stream().collect(Collectors.groupingBy(SimulatorCall::family,
                TreeMap::new, Collectors.mapping(SimulatorCall::time, Collectors.toList())));
        byFamily.forEach((family, times) -> {
            int limit = hour ? PER_HOUR : PER_MINUTE.get(family);
            int end = 0;
            for (int start = 0; start < times.size(); start++) {
                Instant until = times.get(start).plus(span);
                while (end < times.size() && times.get(end).isBefore(until)) {
                    end++;
                }
                if (end - start > limit) {
                    problems.add(family + ": " + (end - start) + " calls in " + span + " from " + times.get(start)
                            + " (limit " + limit + ")");
                    break;
                }
            }
        });
        return problems;
    }

    /** The largest number of calls of each family in any span of {@code span}. */
    static Map<String, Integer> busiest(List<SimulatorCall> calls, Duration span) {
        Map<String, Integer> busiest = new TreeMap<>();
        api(calls).stream().collect(Collectors.groupingBy(SimulatorCall::family,
                Collectors.mapping(SimulatorCall::time, Collectors.toList()))).forEach((family, times) -> {
                    int max = 0;
                    int end = 0;
                    for (int start = 0; start < times.size(); start++) {
                        Instant until = times.get(start).plus(span);
                        while (end < times.size() && times.get(end).isBefore(until)) {
                            end++;
                        }
                        max = Math.max(max, end - start);
                    }
                    busiest.put(family, max);
                });
        return busiest;
    }

    /**
     * Which service made a call: the poller lists alerts, enrichment gets alerts and machines, the response service
     * isolates and reads machine actions.
     */
    static String caller(SimulatorCall call) {
        switch (call.family()) {
            case "alerts":
                return call.path().equals("/api/alerts") ? "alert-poller" : "enrichment-service";
            case "machines":
                return "enrichment-service";
            case "isolate":
            case "machineactions":
                return "response-service";
            default:
                return call.family();
        }
    }

    /**
     * Calls a service sent to a family while that family was paused for it by a 429: for each 429 that arrived at
     * time t, any later call of the same family by the same service that arrived between t + {@code inFlight} and
     * t + Retry-After. Calls arriving within {@code inFlight} of the 429 were on their way before the 429's answer
     * reached the service (a service may call one family from several threads at once), so no pause could hold
     * them; {@link #inFlightAfter429} lists them.
     */
    static List<String> insideRetryAfter(List<SimulatorCall> calls, Duration retryAfter, Duration inFlight) {
        return afterA429(calls, retryAfter, inFlight, false);
    }

    /** The calls that arrived within {@code inFlight} after a 429 of their family and service. */
    static List<String> inFlightAfter429(List<SimulatorCall> calls, Duration inFlight) {
        return afterA429(calls, inFlight, Duration.ZERO, true);
    }

    private static List<String> afterA429(List<SimulatorCall> calls, Duration until, Duration from,
            boolean includeFrom) {
        List<SimulatorCall> api = api(calls);
        List<String> found = new ArrayList<>();
        for (SimulatorCall throttled : api) {
            if (throttled.status() == null || throttled.status() != 429) {
                continue;
            }
            Instant start = throttled.time().plus(from);
            Instant end = throttled.time().plus(until);
            for (SimulatorCall call : api) {
                if (call != throttled && call.family().equals(throttled.family())
                        && caller(call).equals(caller(throttled)) && call.time().isAfter(throttled.time())
                        && (includeFrom || !call.time().isBefore(start)) && call.time().isBefore(end)) {
                    found.add(caller(call) + " called " + call.method() + " " + call.path() + " at " + call.time()
                            + ", " + Duration.between(throttled.time(), call.time()).toMillis()
                            + " ms after a 429 at " + throttled.time());
                }
            }
        }
        return found;
    }

    /** Calls per family. */
    static Map<String, Long> perFamily(List<SimulatorCall> calls) {
        return api(calls).stream().collect(Collectors.groupingBy(SimulatorCall::family, TreeMap::new,
                Collectors.counting()));
    }
}
