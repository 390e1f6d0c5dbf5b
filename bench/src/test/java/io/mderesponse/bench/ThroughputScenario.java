package io.mderesponse.bench;

import static org.awaitility.Awaitility.await;

import io.mderesponse.bench.Results.StageThroughput;
import io.mderesponse.contracts.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Throughput with the simulator and the services' budgets unthrottled: a batch of alerts all becoming visible at
 * the same instant, carried through the five stages; each stage's rate is measured on its own output (record
 * timestamps, isolate calls, emails), and the consumer lag in front of each stage is sampled meanwhile.
 */
final class ThroughputScenario {

    /** Results written at once for the notifier's own rate (issue 18: at least 100 emails/s). */
    private static final int NOTIFIER_BURST = 1000;

    private final Stack stack;
    private final BenchSettings settings;

    ThroughputScenario(Stack stack, BenchSettings settings) {
        this.stack = stack;
        this.settings = settings;
    }

    Results.Throughput run() {
        AlertPlan plan = AlertPlan.mixed(settings.throughputAlerts(), 10);
        List<String> ids = plan.alertIds();
        List<String> high = plan.high().stream().map(AlertPlan.PlannedAlert::id).toList();
        plan.seedMachines(stack.system.simulator);
        try (LagSampler lag = LagSampler.start(stack.bootstrapServers(), Duration.ofMillis(500))) {
            long decisionsBefore = lag.sampleNow().records().get(Topics.DECISIONS.defaultName());
            int mailsBefore = Mailbox.count(stack.system.mail);
            // Every alert becomes visible at the same instant, after all of them have been added.
            Instant visibleAt = Instant.now().plus(Duration.ofMillis(Math.max(5_000, plan.size() * 2L)));
            Map<String, Instant> visible = plan.seedAlerts(stack.system.simulator, 0, plan.size(), visibleAt);
            System.out.printf("throughput: %d alerts (%d High) seeded, visible at %s%n", plan.size(), high.size(),
                    visibleAt);
            await("every alert decided and every High alert emailed").atMost(settings.patience())
                    .pollInterval(Duration.ofSeconds(2))
                    .until(() -> lag.sampleNow().records().get(Topics.DECISIONS.defaultName())
                            - decisionsBefore >= ids.size()
                            && Mailbox.count(stack.system.mail) - mailsBefore >= high.size());
            Timeline timeline = Timeline.read(plan, visible, stack.bootstrapServers(),
                    stack.system.simulator.calls(), Mailbox.firstEmailPerAlert(stack.system.mail));
            Map<String, Long> maxLag = lag.maxLag(visibleAt);
            List<StageThroughput> stages = new ArrayList<>();
            stages.add(stage("alert-poller", Milestone.PUBLISHED, ids, timeline, 0));
            stages.add(stage("enrichment-service", Milestone.ENRICHED, ids, timeline,
                    maxLag.get("enrichment-service")));
            stages.add(stage("decision-service", Milestone.DECIDED, ids, timeline, maxLag.get("decision-service")));
            stages.add(stage("response-service", Milestone.COMPLETED, high, timeline,
                    maxLag.get("response-service")));
            stages.add(stage("notifier-service", Milestone.EMAILED, high, timeline,
                    maxLag.get("notifier-service")));
            Instant first = timeline.times(ids, Milestone.PUBLISHED).get(0);
            Instant last = java.util.stream.Stream.of(last(timeline, ids, Milestone.DECIDED),
                    last(timeline, high, Milestone.COMPLETED), last(timeline, high, Milestone.EMAILED))
                    .max(Comparator.naturalOrder()).orElseThrow();
            double seconds = Duration.between(first, last).toMillis() / 1000.0;
            String saturates = stages.stream().filter(s -> !s.stage().equals("alert-poller"))
                    .max(Comparator.comparingLong(StageThroughput::maxInputLag)).map(StageThroughput::stage)
                    .orElseThrow();
            Results.NotifierBurst burst = NotifierBurst.run(stack, NOTIFIER_BURST, settings.patience());
            System.out.printf("notifier burst: %d results emailed in %.1f s, %.0f emails/s%n", burst.results(),
                    burst.seconds(), burst.emailsPerSecond());
            return new Results.Throughput(ids.size(), high.size(), seconds, ids.size() / seconds, stages,
                    saturates, lag.samples(), burst);
        }
    }

    private static StageThroughput stage(String stage, Milestone output, List<String> alerts, Timeline timeline,
            long maxInputLag) {
        List<Instant> times = timeline.times(alerts, output);
        if (times.size() < 2) {
            return new StageThroughput(stage, output.where, times.size(), 0, 0, maxInputLag);
        }
        double seconds = Duration.between(times.get(0), times.get(times.size() - 1)).toMillis() / 1000.0;
        return new StageThroughput(stage, output.where, times.size(), seconds,
                seconds == 0 ? times.size() : (times.size() - 1) / seconds, maxInputLag);
    }

    private static Instant last(Timeline timeline, List<String> alerts, Milestone milestone) {
        List<Instant> times = timeline.times(alerts, milestone);
        return times.isEmpty() ? Instant.EPOCH : times.get(times.size() - 1);
    }
}
