package io.mderesponse.bench;

import static org.awaitility.Awaitility.await;

import io.mderesponse.contracts.event.FinalStatus;
import io.mderesponse.contracts.event.MachineActionCompleted;
import io.mderesponse.contracts.serde.MachineActionCompletedDeserializer;
import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.testsupport.defender.SimulatorCall;
import io.mderesponse.testsupport.kafka.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The storm through the system under Defender's limits (the simulator's, and the services' default shares of
 * them): every alert visible at once; measured until every High machine is isolated and every alert enriched.
 */
final class StormScenario {

    private final Stack stack;
    private final BenchSettings settings;
    private final AlertPlan plan;

    StormScenario(Stack stack, BenchSettings settings, AlertPlan plan) {
        this.stack = stack;
        this.settings = settings;
        this.plan = plan;
    }

    Results.Storm run() {
        stack.system.simulator.reset();
        plan.seedMachines(stack.system.simulator);
        Map<String, Instant> visible = plan.seedAlerts(stack.system.simulator, 0, plan.size(), null);
        Instant start = visible.values().stream().min(Instant::compareTo).orElseThrow();
        Set<String> highMachines = plan.high().stream().map(AlertPlan.PlannedAlert::machineId)
                .collect(Collectors.toSet());
        List<String> ids = plan.alertIds();
        Set<String> alertIds = Set.copyOf(ids);
        System.out.printf("storm (pipeline): %d alerts on %d machines (%d High) visible from %s%n", plan.size(),
                plan.machines.size(), highMachines.size(), start);

        await("every High machine isolated (Succeeded)").atMost(settings.patience())
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> succeeded(results(), highMachines).size() == highMachines.size());
        Instant allSucceeded = Instant.now();
        // Low-severity enrichment may wait for the next "hour" (the low-priority reserve of the hourly limit): stop
        // waiting once enrichment has made no progress for three windows, and report how many were enriched.
        Progress enrichment = new Progress(settings.stormWindow().multipliedBy(3));
        await("every alert enriched, or no progress for three windows").atMost(settings.patience())
                .pollInterval(Duration.ofSeconds(5))
                .until(() -> enrichment.update(enriched(alertIds)) == ids.size() || enrichment.stalled());
        Instant allEnriched = Instant.now();
        long handled = enriched(alertIds);

        List<SimulatorCall> calls = ApiCalls.api(stack.system.simulator.calls(), start);
        Instant lastIsolation = ApiCalls.lastIsolation(calls, highMachines).orElseThrow();
        Instant lastSucceeded = results().stream().filter(r -> highMachines.contains(r.machineId())
                && r.status() == FinalStatus.Succeeded).map(MachineActionCompleted::occurredAt)
                .max(Instant::compareTo).orElse(allSucceeded);
        List<MachineActionCompleted> failed = results().stream().filter(r -> r.status() != FinalStatus.Succeeded)
                .toList();
        Map<String, Long> perFamily = ApiCalls.perFamily(calls);
        long isolated = calls.stream().filter(c -> ApiCalls.isolatedMachine(c).isPresent()).count();
        return new Results.Storm("pipeline (five services)", plan.size(), plan.machines.size(), highMachines.size(),
                settings.stormWindow().toMillis() / 1000.0, seconds(start, lastIsolation),
                seconds(start, lastSucceeded), seconds(start, lastEnrichedOr(allEnriched)), handled,
                isolated, failed.size(), failed.stream().map(r -> r.machineId() + ": " + r.status()).toList(),
                ApiCalls.throttledPerFamily(calls), Results.ApiEconomy.of(perFamily, plan.size(), isolated),
                // Least work to isolate every High machine: one alert list, then per High alert its alert, its
                // machine and the isolation; all fit in the first window.
                BudgetMinimum.windows(Map.of("alerts", 1L + highMachines.size(), "machines",
                        (long) highMachines.size(), "isolate", (long) highMachines.size())),
                BudgetMinimum.windows(Map.of("alerts", 1L + ids.size(), "machines", (long) plan.machines.size(),
                        "isolate", (long) highMachines.size())));
    }

    /** A count that should grow; stalled when it has not for longer than the patience given. */
    private static final class Progress {

        private final Duration patience;
        private long count = -1;
        private Instant changed = Instant.now();

        Progress(Duration patience) {
            this.patience = patience;
        }

        long update(long now) {
            if (now != count) {
                count = now;
                changed = Instant.now();
            }
            return now;
        }

        boolean stalled() {
            return Duration.between(changed, Instant.now()).compareTo(patience) > 0;
        }
    }

    private Instant lastEnrichedOr(Instant fallback) {
        return TopicReader.readAll(stack.bootstrapServers(), Topics.ALERTS_ENRICHED.defaultName(),
                new StringDeserializer(), new StringDeserializer()).stream()
                .map(r -> Instant.ofEpochMilli(r.timestamp())).max(Instant::compareTo).orElse(fallback);
    }

    private long enriched(Set<String> alertIds) {
        return TopicReader.readAll(stack.bootstrapServers(), Topics.ALERTS_ENRICHED.defaultName(),
                new StringDeserializer(), new StringDeserializer()).stream()
                .map(r -> TopicReader.header(r, "ce_correlationid").orElse(""))
                .filter(alertIds::contains).distinct().count();
    }

    private List<MachineActionCompleted> results() {
        return TopicReader.readAll(stack.bootstrapServers(), Topics.ACTIONS_RESULTS.defaultName(),
                new StringDeserializer(), new MachineActionCompletedDeserializer()).stream()
                .map(r -> r.value()).toList();
    }

    private static Set<String> succeeded(List<MachineActionCompleted> results, Set<String> machines) {
        return results.stream().filter(r -> machines.contains(r.machineId()) && r.status() == FinalStatus.Succeeded)
                .map(MachineActionCompleted::machineId).collect(Collectors.toCollection(HashSet::new));
    }

    static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
