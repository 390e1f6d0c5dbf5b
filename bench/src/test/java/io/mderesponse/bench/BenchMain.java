package io.mderesponse.bench;

import io.mderesponse.bench.Results.ProcessMemory;
import io.mderesponse.testsupport.process.ProjectLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Runs the benchmark: (1) throughput and (2) latency at the default poll interval and (3) Defender calls on a stack
 * with the simulator and the budgets unthrottled, (2b) latency again on such a stack with a 5 s poll interval; then (4) the storm under Defender's limits through the system and (5) the same storm through
 * the naive per-alert flow, side by side against simulators of their own; (6) RSS of the broker and the services
 * at rest and at peak in both stacks. Prints the tables and writes {@code bench/target/bench-results.json}.
 *
 * <p>Run with {@code ./mvnw -B -Pbench -pl bench -am verify -DskipTests} ({@code -Dbench.quick=true} for a
 * few-minute check).
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        BenchSettings settings = BenchSettings.fromSystemProperties();
        Instant began = Instant.now();
        Map<String, String> machine = machine();
        System.out.println("Benchmark settings: " + settings + "\nmachine: " + machine);
        machine.put("SMTP server logging", SmtpServerLogging.quiet());
        System.out.println("SMTP server (GreenMail) logging: " + machine.get("SMTP server logging"));
        List<ProcessMemory> memory = new ArrayList<>();

        Results.Throughput throughput;
        Results.Latency latency;
        try (Stack stack = Stack.start(Environments.unthrottledServices(settings,
                BenchSettings.DEFAULT_POLL_INTERVAL), Environments.unthrottledSimulator(),
                settings.serviceJvmOptions())) {
            Map<String, Memory> rest = stack.memory();
            throughput = new ThroughputScenario(stack, settings).run();
            System.out.printf("throughput: %.0f alerts/s, notifier %.0f emails/s%n", throughput.perSecond(),
                    throughput.emailsPerSecond());
            latency = new LatencyScenario(stack, settings, BenchSettings.DEFAULT_POLL_INTERVAL).run();
            memory.addAll(memory("unthrottled", rest, stack.memory(), settings));
        }
        // A stack of its own for the short interval: the poller's interval is read at start.
        Results.Latency latencyShort;
        try (Stack stack = Stack.start(Environments.unthrottledServices(settings, BenchSettings.SHORT_POLL_INTERVAL),
                Environments.unthrottledSimulator(), settings.serviceJvmOptions())) {
            Map<String, Memory> rest = stack.memory();
            latencyShort = new LatencyScenario(stack, settings, BenchSettings.SHORT_POLL_INTERVAL).run();
            memory.addAll(memory("unthrottled 5s", rest, stack.memory(), settings));
        }

        AlertPlan storm = AlertPlan.of(settings.stormAlerts(), settings.stormMachines(), settings.stormHigh(),
                settings.stormMedium(), 1000);
        Results.Storm pipeline;
        Results.Storm naive;
        try (Stack stack = Stack.start(Environments.stormServices(settings), Environments.stormSimulator(settings),
                settings.serviceJvmOptions())) {
            Map<String, Memory> rest = stack.memory();
            CompletableFuture<Results.Storm> naiveRun = CompletableFuture.supplyAsync(
                    () -> new NaiveStormScenario(settings, storm, Environments.stormSimulator(settings)).run());
            pipeline = new StormScenario(stack, settings, storm).run();
            memory.addAll(memory("storm", rest, stack.memory(), settings));
            naive = naiveRun.join();
        }

        double minutes = Duration.between(began, Instant.now()).toMillis() / 60_000.0;
        machine.put("load average at the end", loadAverage());
        BenchReport report = new BenchReport(DateTimeFormatter.ISO_INSTANT.format(began), machine, settings, minutes,
                throughput, latency, latencyShort, pipeline, naive, memory,
                BenchReport.goals(throughput, latency, latencyShort, pipeline, memory));
        Path target = ProjectLayout.root().resolve("bench").resolve("target");
        report.write(target);
        System.out.println();
        System.out.println(report.text());
        System.out.println("Written: " + target.resolve("bench-results.json") + " and bench-results.txt");
    }

    private static List<ProcessMemory> memory(String stack, Map<String, Memory> rest, Map<String, Memory> end,
            BenchSettings settings) {
        List<ProcessMemory> memory = new ArrayList<>();
        rest.forEach((process, atRest) -> {
            String options = String.join(" ", process.equals("kafka-broker") ? Stack.BROKER_JVM_OPTIONS
                    : settings.serviceJvmOptions());
            memory.add(new ProcessMemory(stack, process, options, atRest.rssMb(), end.get(process).peakMb()));
        });
        return memory;
    }

    private static Map<String, String> machine() {
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        machine.put("memory", memTotal());
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        machine.put("load average at the start", loadAverage());
        machine.put("date (UTC)", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC)
                .format(Instant.now()));
        return machine;
    }

    private static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The 1, 5 and 15 minute load averages: other work on the machine shows here. */
    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
