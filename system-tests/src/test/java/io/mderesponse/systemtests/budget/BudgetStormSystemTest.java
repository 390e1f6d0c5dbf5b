package io.mderesponse.systemtests.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mderesponse.contracts.event.FinalStatus;
import io.mderesponse.testsupport.system.RunningSystem;
import io.mderesponse.testsupport.defender.SimulatorCall;
import io.mderesponse.testsupport.defender.SimulatorFault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The API budget with all five services, each its own JVM, against the simulator, with Defender's real limits
 * (100 calls a minute and 1,500 an hour per family) scaled into a 1-second "minute" on both sides
 * ({@code DEFENDER_BUDGET_WINDOW}, {@code SIMULATOR_RATE_LIMIT_WINDOW}); the poller's interval and overlap are
 * scaled alike (30 s and 5 min become 500 ms and 5 s).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BudgetStormSystemTest {

    static final Duration WINDOW = Duration.ofSeconds(1);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    /**
     * Longest a request may take from the client's throttle gate to the simulator on a loaded 2-core machine (eight
     * JVMs busy): calls on their way when a 429 came. A full build on 2026-12-07 measured one at 100.7 ms, so the
     * allowance is 250 ms; a service that ignored Retry-After would still call within the remaining 750 ms of the
     * 1 s Retry-After. That no request passes the gate of a paused family is shown exactly by ThrottleGateTest.
     */
    private static final Duration IN_FLIGHT = Duration.ofMillis(250);

    private static RunningSystem system;

    @BeforeAll
    static void start() {
        system = start(WINDOW);
    }

    static RunningSystem start(Duration window) {
        String w = window.toMillis() + "ms";
        return RunningSystem.start(Map.of(
                "DEFENDER_BUDGET_WINDOW", w,
                "POLLER_INTERVAL", window.dividedBy(2).toMillis() + "ms",
                "POLLER_OVERLAP", window.multipliedBy(5).toMillis() + "ms",
                "RESPONSE_POLL_INITIAL", "100ms",
                "RESPONSE_POLL_MAX", "200ms",
                "GUARD_MAX_ISOLATIONS_PER_HOUR", "1000"),
                Map.of("SIMULATOR_RATE_LIMIT_WINDOW", w,
                        "SIMULATOR_ACTION_DELAY", "300ms",
                        "SIMULATOR_CALL_LOG_SIZE", "200000"));
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void a429StormWithRetryAfterLosesNothingAndNoServiceCallsAFamilyInsideItsRetryAfter() {
        Storm storm = Storm.of(20, 20, 5, 15, 429);
        system.simulator.clearCalls();
        int seconds = (int) RETRY_AFTER.toSeconds();
        for (String family : List.of("alerts", "machines", "isolate", "machineactions")) {
            system.simulator.addFault(SimulatorFault.rateLimit(family, seconds, 3));
        }
        try {
            PipelineProgress progress = new PipelineProgress(system.bootstrapServers);
            storm.seed(system.simulator);

            List<String> alertIds = storm.alertIds();
            Set<String> high = Set.copyOf(storm.highMachines);
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> progress.enrichedAlerts().containsAll(alertIds)
                            && progress.results().stream().filter(r -> high.contains(r.machineId()))
                                    .map(r -> r.machineId()).collect(Collectors.toSet()).containsAll(high));

            assertThat(progress.results()).filteredOn(r -> high.contains(r.machineId()))
                    .allSatisfy(r -> assertThat(r.status()).isEqualTo(FinalStatus.Succeeded));
            List<SimulatorCall> calls = CallLogCheck.api(system.simulator.calls());
            Map<String, Long> throttled = calls.stream().filter(c -> c.status() != null && c.status() == 429)
                    .collect(Collectors.groupingBy(SimulatorCall::family, Collectors.counting()));
            System.out.println("429 storm: 429 answers by family " + throttled + "; calls by family "
                    + CallLogCheck.perFamily(calls));
            assertThat(throttled).as("the injected 429s were met").containsKeys("alerts", "isolate");
            System.out.println("429 storm: calls already on their way when a 429 was answered: "
                    + CallLogCheck.inFlightAfter429(calls, IN_FLIGHT));
            assertThat(CallLogCheck.insideRetryAfter(calls, RETRY_AFTER, IN_FLIGHT)).as("calls inside a Retry-After")
                    .isEmpty();
        } finally {
            system.simulator.clearFaults();
        }
    }

    @Test
    @Order(2)
    void aStormOf1000AlertsOn200MachinesIsolatesEveryHighMachineWithinDefendersLimits() {
        StormReport report = StormRun.run("storm-1000", system, Storm.of(1000, 200, 50, 250, 1000), WINDOW,
                Duration.ofMinutes(5));

        assertThat(report.apiCalls()).isPositive();
    }
}
