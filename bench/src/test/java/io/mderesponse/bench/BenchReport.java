package io.mderesponse.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.mderesponse.bench.Results.Goal;
import io.mderesponse.bench.Results.ProcessMemory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Everything one run measured: printed as tables and written as JSON. */
record BenchReport(String date, Map<String, String> machine, BenchSettings settings, double runMinutes,
        Results.Throughput throughput, Results.Latency latency, Results.Latency latencyShortInterval,
        Results.Storm pipelineStorm,
        Results.Storm naiveStorm, List<ProcessMemory> memory, List<Goal> goals) {

    /** Issue 18's goals against the measurements: reported, never asserted. */
    static List<Goal> goals(Results.Throughput throughput, Results.Latency latency, Results.Latency latencyShort,
            Results.Storm storm, List<ProcessMemory> memory) {
        List<Goal> goals = new ArrayList<>();
        goals.add(new Goal("alerts per second through the five stages", ">= 1,000/s (project: 2,000/s)",
                String.format("%.0f/s", throughput.perSecond()), throughput.perSecond() >= 1000));
        double burst = throughput.notifierBurst().emailsPerSecond();
        goals.add(new Goal("notifier emails per second (burst of " + throughput.notifierBurst().results()
                + " results, no digest)", ">= 100/s", String.format("%.0f/s", burst), burst >= 100));
        long shortSeconds = BenchSettings.SHORT_POLL_INTERVAL.toSeconds();
        goals.add(p99("alert visible -> isolate call, p99, interval " + shortSeconds + " s", latencyShort,
                "end to end: isolate call", 7000));
        goals.add(p99("alert visible -> email, p99, interval " + shortSeconds + " s", latencyShort,
                "end to end: email", 9000));
        long target = BenchSettings.DEFAULT_POLL_INTERVAL.toMillis() + 2000;
        goals.add(p99("alert visible -> isolate call, p99, interval " + BenchSettings.DEFAULT_POLL_INTERVAL
                .toSeconds() + " s", latency, "end to end: isolate call", target));
        double windows = storm.secondsToAllHighIsolated() / storm.windowSeconds();
        goals.add(new Goal("storm: every High machine isolated, windows", "<= 1.2",
                String.format("%.2f", windows), storm.highIsolated() >= storm.high() && windows <= 1.2));
        goals.add(new Goal("storm: Defender calls per alert", "<= 0.5",
                String.format("%.2f", storm.calls().totalPerAlert()), storm.calls().totalPerAlert() <= 0.5));
        long throttled = storm.throttled().values().stream().mapToLong(Long::longValue).sum();
        goals.add(new Goal("storm: 429 answers", "0", Long.toString(throttled), throttled == 0));
        goals.add(new Goal("storm: failed actions", "0", Long.toString(storm.failedActions()),
                storm.failedActions() == 0));
        long peak = peakStackMb(memory);
        goals.add(new Goal("whole stack RSS (broker + 5 services, sum of peaks)", "<= 1.5 GB (1,536 MB)",
                peak + " MB", peak <= 1536));
        return goals;
    }

    private static Goal p99(String goal, Results.Latency latency, String stage, long targetMillis) {
        Percentiles millis = latency.stages().stream().filter(s -> s.stage().equals(stage)).findFirst()
                .orElseThrow().millis();
        return new Goal(goal, String.format("<= %.0f s", targetMillis / 1000.0),
                String.format("%.1f s", millis.p99() / 1000.0), millis.count() > 0 && millis.p99() <= targetMillis);
    }

    /** The larger of the stacks' sums of peak RSS. */
    static long peakStackMb(List<ProcessMemory> memory) {
        return memory.stream().collect(java.util.stream.Collectors.groupingBy(ProcessMemory::stack,
                java.util.stream.Collectors.summingLong(ProcessMemory::peakMb))).values().stream()
                .mapToLong(Long::longValue).max().orElse(0);
    }

    String text() {
        StringBuilder t = new StringBuilder();
        t.append(String.format("Benchmark %s, %s, %.1f min, on %s%n", date, settings.quick()
                ? "QUICK run (small counts, storm window compressed to 1 s)" : "full run", runMinutes, machine));
        t.append("Extra service environment: ").append(settings.serviceEnvironment().isEmpty() ? "none"
                : settings.serviceEnvironment()).append("\n\n");
        t.append(String.format("1. Throughput, simulator and budgets unthrottled: %d alerts (%d High) at once%n",
                throughput.alerts(), throughput.high()));
        t.append(String.format("   through all five stages: %.0f alerts/s (%.1f s from the first alert published "
                + "to the last output)%n", throughput.perSecond(), throughput.seconds()));
        t.append(String.format("   %-20s %-40s %8s %8s %10s %14s%n", "stage", "measured on", "records", "seconds",
                "per second", "max input lag"));
        throughput.stages().forEach(s -> t.append(String.format("   %-20s %-40s %8d %8.1f %10.0f %14d%n", s.stage(),
                s.measuredOn(), s.records(), s.seconds(), s.perSecond(), s.maxInputLag())));
        t.append("   saturates first (largest lag in front of it): ").append(throughput.saturatesFirst())
                .append('\n');
        double results = throughput.stages().stream().filter(s -> s.stage().equals("response-service"))
                .mapToDouble(Results.StageThroughput::perSecond).findFirst().orElse(0);
        // The notifier can only be as fast as its input: near the results' rate, the figure is a lower bound.
        t.append(String.format("   notifier-service: %.0f emails/s, its input (action results) %.0f/s%s%n",
                throughput.emailsPerSecond(), results, throughput.emailsPerSecond() >= 0.9 * results
                        ? ": bound by its input, not by SMTP" : ""));
        t.append(String.format("   notifier-service alone: %d results written at once, emailed in %.1f s: %.0f emails/s%n%n",
                throughput.notifierBurst().results(), throughput.notifierBurst().seconds(),
                throughput.notifierBurst().emailsPerSecond()));
        latency(t, "2.", latency);
        t.append('\n');
        latency(t, "2b.", latencyShortInterval);
        t.append(String.format("%n3. Defender calls (unthrottled, at %d alerts/s, poll interval %s)%n",
                latency.ratePerSecond(), latency.pollInterval()));
        economy(t, latency.calls());
        t.append(String.format("%n4./5. Storm under Defender's limits: %d alerts on %d machines, %d High; "
                + "rate-limit window %.0f s%n", pipelineStorm.alerts(), pipelineStorm.machines(), pipelineStorm.high(),
                pipelineStorm.windowSeconds()));
        t.append(String.format("   %-46s %14s %14s %8s%n", "", "pipeline", "naive flow", "ratio"));
        row(t, "every High machine isolated (last isolate call), s", pipelineStorm.secondsToAllHighIsolated(),
                naiveStorm.secondsToAllHighIsolated());
        row(t, "  same, in rate-limit windows", pipelineStorm.secondsToAllHighIsolated()
                / pipelineStorm.windowSeconds(), naiveStorm.secondsToAllHighIsolated() / naiveStorm.windowSeconds());
        row(t, "  budget's minimum for that work, windows", pipelineStorm.minimumWindowsToAllHighIsolated(),
                naiveStorm.minimumWindowsToAllHighIsolated());
        t.append(String.format("   %-46s %14s %14s%n", "every High machine Succeeded, s",
                pipelineStorm.secondsToAllHighSucceeded() == null ? "-"
                        : String.format("%.1f", pipelineStorm.secondsToAllHighSucceeded()), "-"));
        row(t, "alerts handled (enriched / by the flow)", pipelineStorm.alertsHandled(),
                naiveStorm.alertsHandled());
        row(t, "  last of them handled, s", pipelineStorm.secondsToAllHandled(), naiveStorm.secondsToAllHandled());
        row(t, "  budget's minimum for all the work, windows", pipelineStorm.minimumWindowsToAllHandled(),
                naiveStorm.minimumWindowsToAllHandled());
        row(t, "Defender calls", pipelineStorm.calls().calls().values().stream().mapToLong(Long::longValue).sum(),
                naiveStorm.calls().calls().values().stream().mapToLong(Long::longValue).sum());
        row(t, "Defender calls per alert", pipelineStorm.calls().totalPerAlert(), naiveStorm.calls().totalPerAlert());
        row(t, "Defender calls per isolated machine", pipelineStorm.calls().totalPerIsolatedMachine(),
                naiveStorm.calls().totalPerIsolatedMachine());
        row(t, "machines isolated", pipelineStorm.highIsolated(), naiveStorm.highIsolated());
        row(t, "429 answers", pipelineStorm.throttled().values().stream().mapToLong(Long::longValue).sum(),
                naiveStorm.throttled().values().stream().mapToLong(Long::longValue).sum());
        row(t, "failed actions / alerts", pipelineStorm.failedActions(), naiveStorm.failedActions());
        t.append("   pipeline calls by family: ").append(pipelineStorm.calls().calls()).append(", 429s ")
                .append(pipelineStorm.throttled()).append('\n');
        t.append("   naive flow calls by family: ").append(naiveStorm.calls().calls()).append(", 429s ")
                .append(naiveStorm.throttled()).append("\n\n");
        t.append("6. Memory (RSS, MB)\n");
        t.append(String.format("   %-14s %-20s %6s %6s  %s%n", "stack", "process", "rest", "peak", "JVM options"));
        memory.forEach(m -> t.append(String.format("   %-14s %-20s %6d %6d  %s%n", m.stack(), m.process(), m.restMb(),
                m.peakMb(), m.jvmOptions())));
        t.append("\nGoals (reported, not asserted)\n");
        goals.forEach(g -> t.append(String.format("   %-52s %-30s %-12s %s%n", g.goal(), g.target(), g.measured(),
                g.met() ? "met" : "NOT met")));
        return t.toString();
    }

    private static void latency(StringBuilder t, String number, Results.Latency latency) {
        t.append(String.format("%s Latency at %d alerts/s for %.0f s (%d alerts, %d High), poll interval %s, "
                + "milliseconds%n", number, latency.ratePerSecond(), latency.seedSeconds(), latency.alerts(),
                latency.high(), latency.pollInterval()));
        t.append(String.format("   %-27s %-26s %-26s %6s %7s %7s %7s %7s%n", "stage", "from", "to", "n", "p50", "p95",
                "p99", "max"));
        latency.stages().forEach(s -> t.append(String.format("   %-27s %-26s %-26s %6d %7d %7d %7d %7d%n", s.stage(),
                shorten(s.from()), shorten(s.to()), s.millis().count(), s.millis().p50(), s.millis().p95(),
                s.millis().p99(), s.millis().max())));
    }

    private static void economy(StringBuilder t, Results.ApiEconomy economy) {
        t.append(String.format("   %-16s %8s %10s %20s%n", "family", "calls", "per alert", "per isolated machine"));
        economy.calls().forEach((family, n) -> t.append(String.format("   %-16s %8d %10.3f %20.3f%n", family, n,
                economy.perAlert().get(family), economy.perIsolatedMachine().get(family))));
        t.append(String.format("   %-16s %8d %10.3f %20.3f   (%d machines isolated)%n", "all",
                economy.calls().values().stream().mapToLong(Long::longValue).sum(), economy.totalPerAlert(),
                economy.totalPerIsolatedMachine(), economy.isolatedMachines()));
    }

    private static void row(StringBuilder t, String label, double pipeline, double naive) {
        t.append(String.format("   %-46s %14.2f %14.2f %8s%n", label, pipeline, naive,
                pipeline == 0 ? "-" : String.format("%.2f", naive / pipeline)));
    }

    private static String shorten(String where) {
        return where.length() <= 26 ? where : where.substring(0, 25) + "…";
    }

    /** Writes {@code bench-results.json} and {@code bench-results.txt} into the directory. */
    void write(Path directory) {
        try {
            Files.createDirectories(directory);
            ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .enable(SerializationFeature.INDENT_OUTPUT);
            json.writeValue(directory.resolve("bench-results.json").toFile(), this);
            Files.writeString(directory.resolve("bench-results.txt"), text(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
