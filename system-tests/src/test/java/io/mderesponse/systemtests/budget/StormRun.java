package io.mderesponse.systemtests.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mderesponse.contracts.event.FinalStatus;
import io.mderesponse.contracts.event.MachineActionCompleted;
import io.mderesponse.testsupport.system.RunningSystem;
import io.mderesponse.testsupport.defender.SimulatorCall;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs a storm through the running system and checks the "done when": every High machine isolated, no
 * failed action, no 429, and the simulator's log never above Defender's limit in any window or "hour".
 */
final class StormRun {

    private StormRun() {
    }

    static StormReport run(String name, RunningSystem system, Storm storm, Duration window, Duration patience) {
        PipelineProgress progress = new PipelineProgress(system.bootstrapServers);
        system.simulator.clearCalls();
        Instant start = Instant.now();
        storm.seed(system.simulator);

        Set<String> high = Set.copyOf(storm.highMachines);
        await().atMost(patience).pollInterval(Duration.ofSeconds(1))
                .until(() -> succeeded(progress.results(), high).containsAll(high));
        Duration allHighIsolated = Duration.between(start, Instant.now());
        List<String> alertIds = storm.alertIds();
        await().atMost(patience).pollInterval(Duration.ofSeconds(2))
                .until(() -> progress.enrichedAlerts().containsAll(alertIds));
        Duration allEnriched = Duration.between(start, Instant.now());

        List<MachineActionCompleted> results = progress.results().stream()
                .filter(r -> storm.machines.contains(r.machineId())).toList();
        assertThat(results).as("no failed action").allSatisfy(r -> assertThat(r.status()).isEqualTo(FinalStatus.Succeeded));
        for (String machine : storm.highMachines) {
            assertThat(system.simulator.machineIsolation(machine).path("isolated").asBoolean()).as(machine).isTrue();
        }

        List<SimulatorCall> calls = CallLogCheck.api(system.simulator.calls());
        long throttled = calls.stream().filter(c -> c.status() != null && c.status() == 429).count();
        String enrichment = system.service("enrichment-service").managementUrl();
        double perAlertSum = progress.metric(enrichment, "enrichment_defender_calls_per_alert_sum", null);
        double perAlertCount = progress.metric(enrichment, "enrichment_defender_calls_per_alert_count", null);
        StormReport report = new StormReport(name, storm.size(), storm.machines.size(), storm.count("High"), window,
                allHighIsolated, allEnriched, CallLogCheck.perFamily(calls), CallLogCheck.busiest(calls, window),
                CallLogCheck.busiest(calls, window.multipliedBy(60)), throttled,
                perAlertCount == 0 ? 0 : perAlertSum / perAlertCount,
                progress.metric(enrichment, "enrichment_alerts_total", "outcome=\"deferred\""));
        report.print();

        assertThat(throttled).as("429 answers during the storm").isZero();
        assertThat(CallLogCheck.overLimit(calls, window, false)).as("a family above its limit in one window").isEmpty();
        assertThat(CallLogCheck.overLimit(calls, window.multipliedBy(60), true)).as("a family above 1,500 in an hour")
                .isEmpty();
        return report;
    }

    private static Set<String> succeeded(List<MachineActionCompleted> results, Set<String> machines) {
        return results.stream().filter(r -> machines.contains(r.machineId()) && r.status() == FinalStatus.Succeeded)
                .map(MachineActionCompleted::machineId).collect(Collectors.toCollection(HashSet::new));
    }
}
