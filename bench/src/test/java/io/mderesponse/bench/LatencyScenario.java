package io.mderesponse.bench;

import static org.awaitility.Awaitility.await;

import io.mderesponse.bench.Results.StageLatency;
import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.testsupport.defender.SimulatorCall;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Latency at a steady rate (100 alerts a second by default) with the poller at the stack's interval, simulator and
 * budgets unthrottled: per stage and end to end, from each alert's visible time in the simulator to the isolate call
 * the simulator received and to the email GreenMail received. Also counts Defender calls per alert and per
 * isolated machine.
 */
final class LatencyScenario {

    /** Alerts are added in batches this often: 10 a batch at 100 a second. */
    private static final Duration TICK = Duration.ofMillis(100);

    private final Stack stack;
    private final BenchSettings settings;
    private final Duration pollInterval;

    /** {@code pollInterval} is the stack's {@code poller.interval}, for the report. */
    LatencyScenario(Stack stack, BenchSettings settings, Duration pollInterval) {
        this.stack = stack;
        this.settings = settings;
        this.pollInterval = pollInterval;
    }

    Results.Latency run() {
        int perTick = (int) Math.max(1, settings.latencyRate() * TICK.toMillis() / 1000);
        int ticks = (int) (settings.latencyDuration().toMillis() / TICK.toMillis());
        AlertPlan plan = AlertPlan.mixed(perTick * ticks, 20);
        List<String> ids = plan.alertIds();
        List<String> high = plan.high().stream().map(AlertPlan.PlannedAlert::id).toList();
        plan.seedMachines(stack.system.simulator);
        Instant start = Instant.now();
        try (LagSampler lag = LagSampler.start(stack.bootstrapServers(), Duration.ofSeconds(1))) {
            long decisionsBefore = lag.sampleNow().records().get(Topics.DECISIONS.defaultName());
            int mailsBefore = Mailbox.count(stack.system.mail);
            Map<String, Instant> visible = seedAtRate(plan, perTick, ticks);
            Duration seeding = Duration.between(start, Instant.now());
            System.out.printf("latency (poll interval %s): %d alerts (%d High) added in %.1f s%n", pollInterval,
                    ids.size(), high.size(), seeding.toMillis() / 1000.0);
            await("every alert decided and every High alert emailed").atMost(settings.patience())
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> lag.sampleNow().records().get(Topics.DECISIONS.defaultName())
                            - decisionsBefore >= ids.size()
                            && Mailbox.count(stack.system.mail) - mailsBefore >= high.size());
            List<SimulatorCall> calls = stack.system.simulator.calls();
            Timeline timeline = Timeline.read(plan, visible, stack.bootstrapServers(), calls,
                    Mailbox.firstEmailPerAlert(stack.system.mail));
            List<StageLatency> stages = new ArrayList<>();
            stages.add(latency("alert-poller", ids, timeline, Milestone.VISIBLE, Milestone.PUBLISHED));
            stages.add(latency("enrichment-service", ids, timeline, Milestone.PUBLISHED, Milestone.ENRICHED));
            stages.add(latency("decision-service", ids, timeline, Milestone.ENRICHED, Milestone.DECIDED));
            stages.add(latency("decision-service (action)", high, timeline, Milestone.ENRICHED,
                    Milestone.REQUESTED));
            stages.add(latency("response-service (call)", high, timeline, Milestone.REQUESTED,
                    Milestone.ISOLATE_CALLED));
            stages.add(latency("response-service (result)", high, timeline, Milestone.ISOLATE_CALLED,
                    Milestone.COMPLETED));
            stages.add(latency("notifier-service", high, timeline, Milestone.COMPLETED, Milestone.EMAILED));
            stages.add(latency("end to end: isolate call", high, timeline, Milestone.VISIBLE,
                    Milestone.ISOLATE_CALLED));
            stages.add(latency("end to end: email", high, timeline, Milestone.VISIBLE, Milestone.EMAILED));
            long isolated = timeline.count(high, Milestone.ISOLATE_CALLED);
            Results.ApiEconomy economy = Results.ApiEconomy.of(ApiCalls.perFamily(ApiCalls.api(calls, start)),
                    ids.size(), isolated);
            return new Results.Latency(ids.size(), high.size(), settings.latencyRate(), seeding.toMillis() / 1000.0,
                    pollInterval.toString(), stages, economy);
        }
    }

    /** Adds {@code perTick} alerts every tick, on a timer, and answers each alert's visible time. */
    private Map<String, Instant> seedAtRate(AlertPlan plan, int perTick, int ticks) {
        Map<String, Instant> visible = new ConcurrentHashMap<>();
        AtomicInteger tick = new AtomicInteger();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "seeder"));
        try {
            ScheduledFuture<?> seeding = timer.scheduleAtFixedRate(() -> {
                int t = tick.getAndIncrement();
                if (t < ticks) {
                    visible.putAll(plan.seedAlerts(stack.system.simulator, t * perTick, (t + 1) * perTick, null));
                }
            }, 0, TICK.toMillis(), TimeUnit.MILLISECONDS);
            await("alerts added at the set rate").atMost(settings.latencyDuration().multipliedBy(3))
                    .pollInterval(Duration.ofMillis(200))
                    .failFast(seeding::isDone)
                    .until(() -> visible.size() >= plan.size());
            seeding.cancel(false);
            return visible;
        } finally {
            timer.shutdownNow();
        }
    }

    private static StageLatency latency(String stage, List<String> alerts, Timeline timeline, Milestone from,
            Milestone to) {
        return new StageLatency(stage, from.where, to.where,
                Percentiles.of(timeline.millisBetween(alerts, from, to)));
    }
}
