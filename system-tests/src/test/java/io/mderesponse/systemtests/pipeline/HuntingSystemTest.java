package io.mderesponse.systemtests.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mderesponse.contracts.event.DecisionOutcome;
import io.mderesponse.contracts.serde.EventJson;
import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.systemtests.observability.ReadmeMetrics;
import io.mderesponse.testsupport.defender.CallFilter;
import io.mderesponse.testsupport.defender.SampleData;
import io.mderesponse.testsupport.defender.SimulatorCall;
import io.mderesponse.testsupport.defender.SimulatorFault;
import io.mderesponse.testsupport.defender.TestIds;
import io.mderesponse.testsupport.kafka.TopicReader;
import io.mderesponse.testsupport.metrics.PrometheusScrape;
import io.mderesponse.testsupport.process.ProjectLayout;
import io.mderesponse.testsupport.process.ServiceProcess;
import io.mderesponse.testsupport.system.EmailParts;
import io.mderesponse.testsupport.system.RunningSystem;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scheduled hunting end to end: hunting-scheduler (its own JVM) runs queries through the simulator's Microsoft Graph
 * endpoint (its default API) against the simulator's tables, its rows go through enrichment, decision (with the
 * guards), response and notifier like alerts do; and a running deployment switches from Defender's API to Graph.
 */
class HuntingSystemTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /** The simulator's call-log families of Graph's hunting endpoint and of Defender's. */
    private static final String GRAPH = "graphhunting";
    private static final String DEFENDER = "advancedqueries";
    private static final String RESULTS = Topics.HUNTING_RESULTS.defaultName();
    /** Metrics of the README the scheduler creates on first use whose event this run never has, with why. */
    private static final Map<String, String> NOT_CREATED_IN_THIS_RUN = Map.of(
            "defender_budget_exhausted_total", "the scheduler's budget is raised far above its calls");
    private static final String QUERIES = """
            queries:
              - id: restart-rows
                query: HuntRestart | project Timestamp, DeviceId, FileName
                interval: 2s
                lookback: 10m
              - id: lateral-tool
                query: HuntLateral | where FileName =~ "psexec.exe"
                interval: 2s
                lookback: 10m
              - id: quota
                query: HuntQuota
                interval: 2s
                lookback: 10m
              - id: switch
                query: HuntSwitch | project Timestamp, DeviceId, FileName, ProcessId
                interval: 2s
                lookback: 10m
            """;
    private static final String RULES = """
            rules:
              - id: isolate-lateral-tool
                when: row.queryId == "lateral-tool"
                actions: [isolate, notify]
                isolation: Selective
                notify: [soc@example.com]
              - id: isolate-high
                when: alert.severity == "High"
                actions: [isolate, notify]
                isolation: Full
                notify: [soc@example.com]
            """;

    @TempDir
    static Path files;
    private static RunningSystem system;
    private static PipelineTopics topics;
    private static ServiceProcess scheduler;
    private static Map<String, String> schedulerEnv;

    @BeforeAll
    static void start() throws Exception {
        Path queries = Files.writeString(files.resolve("queries.yaml"), QUERIES);
        Path rules = Files.writeString(files.resolve("rules.yaml"), RULES);
        system = RunningSystem.start(Map.of("RULES_PATH", rules.toString(),
                "GUARD_EXCLUDE_MACHINE_TAGS", "do-not-isolate"),
                Map.of("SIMULATOR_RATE_LIMIT_GRAPHHUNTING_PER_WINDOW", "1000",
                        "SIMULATOR_RATE_LIMIT_ADVANCEDQUERIES_PER_WINDOW", "1000"));
        topics = new PipelineTopics(system.bootstrapServers);
        for (String table : List.of("HuntRestart", "HuntLateral", "HuntQuota")) {
            // "seed" is no device id: the row is published without one and never acted on.
            system.simulator.putHuntingTable(table, List.of(row("seed", "seed.exe")));
        }
        system.simulator.putHuntingTable("HuntSwitch", List.of(switchRow("seed.exe")));
        // No HUNTING_API: Graph is the default.
        schedulerEnv = Map.of("HUNTING_PATH", queries.toString(),
                "DEFENDER_BUDGET_GRAPHHUNTING_PER_MINUTE", "1000",
                "DEFENDER_BUDGET_GRAPHHUNTING_PER_HOUR", "60000",
                "DEFENDER_BUDGET_ADVANCEDQUERIES_PER_MINUTE", "1000",
                "DEFENDER_BUDGET_ADVANCEDQUERIES_PER_HOUR", "60000",
                "HUNTING_SESSION_TIMEOUT", "6s", "HUNTING_QUOTA_PAUSE", "3s");
        scheduler = system.startService("hunting-scheduler", schedulerEnv);
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aQuerysNewRowsReachTheTopicOnceAcrossRestartsOfTheScheduler() {
        List<Map<String, Object>> table = new ArrayList<>();
        table.add(row(TestIds.machineId(), "a.exe"));
        table.add(row(TestIds.machineId(), "b.exe"));
        table.add(row(null, "no-device.exe"));
        system.simulator.putHuntingTable("HuntRestart", table);
        await().atMost(PATIENCE).until(() -> rowsOf("restart-rows").stream().filter(r -> !r.value()
                .contains("seed.exe")).count() >= 3);

        scheduler.kill(); // SIGKILL: no goodbye to the broker
        table.add(row(TestIds.machineId(), "c.exe"));
        system.simulator.putHuntingTable("HuntRestart", table);
        scheduler = system.startService("hunting-scheduler", schedulerEnv);
        await().atMost(PATIENCE).until(() -> rowsOf("restart-rows").stream().anyMatch(r -> r.value()
                .contains("c.exe")));
        scheduler.close(); // and a clean stop
        scheduler = system.startService("hunting-scheduler", schedulerEnv);
        int callsBefore = huntingCalls("HuntRestart");
        await().atMost(PATIENCE).until(() -> huntingCalls("HuntRestart") >= callsBefore + 3);

        List<ConsumerRecord<String, String>> rows = rowsOf("restart-rows").stream()
                .filter(r -> !r.value().contains("seed.exe")).toList();
        assertThat(rows).hasSize(4);
        assertThat(rowsOf("restart-rows")).filteredOn(r -> r.value().contains("seed.exe")).hasSizeLessThan(2);
        assertThat(rows).extracting(r -> EventJson.fromJson(r.value(), Map.class).get("rowKey"))
                .doesNotHaveDuplicates();
        assertThat(rows).filteredOn(r -> r.value().contains("no-device.exe")).singleElement()
                .satisfies(r -> assertThat(r.key()).startsWith("restart-rows:"));
        assertThat(rows).filteredOn(r -> r.value().contains("a.exe")).singleElement()
                .satisfies(r -> assertThat(r.key()).matches("[0-9a-f]{40}"));
    }

    @Test
    void aHuntingRuleIsolatesADeviceOnceThroughTheNormalPathGuardsIncluded() throws Exception {
        String device = TestIds.machineId();
        String excluded = TestIds.machineId();
        system.simulator.addMachine(SampleData.machine(device, "ws-hunted.contoso.com"));
        Map<String, Object> excludedMachine = SampleData.machine(excluded, "ws-excluded.contoso.com");
        excludedMachine.put("machineTags", List.of("do-not-isolate"));
        system.simulator.addMachine(excludedMachine);
        int mailsBefore = system.mail.getReceivedMessages().length;

        // A row on the device and one on an excluded device; then a second row on the device, within the machine
        // window. The first two stay in the table, so every run finds them again.
        Map<String, Object> first = row(device, "psexec.exe");
        Map<String, Object> onExcluded = row(excluded, "psexec.exe");
        system.simulator.putHuntingTable("HuntLateral", List.of(first, onExcluded));
        await().atMost(PATIENCE).until(() -> system.mail.getReceivedMessages().length > mailsBefore);
        system.simulator.putHuntingTable("HuntLateral", List.of(first, onExcluded, row(device, "PsExec.exe")));

        await().atMost(PATIENCE).until(() -> outcomes(device).size() == 2 && outcomes(excluded).size() == 1);
        assertThat(outcomes(device)).containsExactly(DecisionOutcome.ACTED.name(),
                DecisionOutcome.SUPPRESSED.name());
        assertThat(outcomes(excluded)).containsExactly(DecisionOutcome.EXCLUDED.name());
        await().atMost(PATIENCE).until(() -> topics.consumedEverything("notifier-service",
                Topics.ACTIONS_RESULTS.defaultName()) && topics.consumedEverything("notifier-service",
                Topics.DECISIONS.defaultName()));

        List<SimulatorCall> isolations = system.simulator.calls(CallFilter.path("/isolate").method("POST"));
        assertThat(isolations).filteredOn(call -> call.path().contains(device)).singleElement()
                .satisfies(call -> assertThat(call.body()).contains("hunting row lateral-tool:")
                        .contains("isolate-lateral-tool").contains("Selective"));
        assertThat(isolations).noneMatch(call -> call.path().contains(excluded));

        List<MimeMessage> emails = new ArrayList<>();
        for (MimeMessage message : system.mail.getReceivedMessages()) {
            if (message.getSubject().contains("ws-hunted") || message.getSubject().contains(device)) {
                emails.add(message);
            }
        }
        assertThat(emails).singleElement().satisfies(email -> {
            assertThat(email.getSubject()).contains("Succeeded").doesNotContain("null");
            String body = EmailParts.part(email, "text/plain");
            assertThat(body).contains("Isolate Succeeded: " + device)
                    .contains("No alert: hunting row or release lateral-tool:").doesNotContain("null");
        });
    }

    @Test
    void cpuAndCallQuotaPausePauseHuntingAndTheThrottledRunIsNotLost() throws Exception {
        await().atMost(PATIENCE).until(() -> rowsOf("quota").size() >= 1); // the seed row: the query runs
        // Other tests may have paused this scheduler before: count this test's pauses and calls only.
        PrometheusScrape before = PrometheusScrape.of(scheduler.managementUrl());
        Instant start = Instant.now();
        system.simulator.addFault(SimulatorFault.cpuQuota(3, 1));
        Map<String, Object> afterCpuQuota = row(TestIds.machineId(), "after-cpu-quota.exe");
        system.simulator.putHuntingTable("HuntQuota", List.of(afterCpuQuota));

        await().atMost(PATIENCE).until(() -> rowsOf("quota").stream()
                .anyMatch(r -> r.value().contains("after-cpu-quota.exe")));
        assertThat(PrometheusScrape.of(scheduler.managementUrl()).delta(before, "hunting_pauses_total",
                Map.of("reason", "cpu-quota"))).isEqualTo(1.0);
        List<SimulatorCall> calls = system.simulator.calls(CallFilter.family(GRAPH)).stream()
                .filter(c -> c.time().isAfter(start)).toList();
        SimulatorCall throttled = calls.stream().filter(c -> Integer.valueOf(429).equals(c.status())).findFirst()
                .orElseThrow();
        List<SimulatorCall> during = calls.stream().filter(c -> c.time().isAfter(throttled.time())
                && c.time().isBefore(throttled.time().plusMillis(2_500))).toList();
        assertThat(during).as("no hunting call while paused").isEmpty();
        SimulatorCall retried = calls.stream().filter(c -> c.time().isAfter(throttled.time())).findFirst()
                .orElseThrow();
        assertThat(query(retried)).as("the throttled run comes first after the pause").isEqualTo(query(throttled));
        assertThat(retried.status()).isEqualTo(200);

        system.simulator.addFault(SimulatorFault.rateLimit(GRAPH, 2, 1));
        system.simulator.putHuntingTable("HuntQuota", List.of(afterCpuQuota,
                row(TestIds.machineId(), "after-call-quota.exe")));
        await().atMost(PATIENCE).until(() -> rowsOf("quota").stream()
                .anyMatch(r -> r.value().contains("after-call-quota.exe")));
        PrometheusScrape after = PrometheusScrape.of(scheduler.managementUrl());
        assertThat(after.delta(before, "hunting_pauses_total", Map.of("reason", "request-quota"))).isEqualTo(1.0);
        assertThat(after.value("hunting_paused", Map.of())).isZero();
        assertThat(rowsOf("quota")).filteredOn(r -> r.value().contains("after-cpu-quota.exe")).hasSize(1);
        assertThat(scheduler.log()).contains("Advanced hunting paused until")
                .contains("CPU quota of advanced hunting is used up").contains("Advanced hunting resumes");
    }

    @Test
    void everyMetricTheReadmeNamesForTheHuntingSchedulerIsExposedByIt() {
        ReadmeMetrics readme = ReadmeMetrics.read(ProjectLayout.root().resolve("README.md"));
        List<ReadmeMetrics.Metric> ofTheScheduler = readme.exposedBy("hunting-scheduler");
        assertThat(ofTheScheduler).extracting(ReadmeMetrics.Metric::name).as("the README's metric table, as read")
                .contains("hunting_runs_total", "hunting_pauses_total", "defender_calls_total");
        // hunting_pauses_total exists from the first pause: one 429 pauses hunting for a second. Wait for the pause
        // to end, so the next test finds no fault and no pause of this one.
        Instant start = Instant.now();
        system.simulator.addFault(SimulatorFault.rateLimit(GRAPH, 1, 1));
        await().atMost(PATIENCE).until(() -> system.simulator.calls(CallFilter.family(GRAPH)).stream()
                .anyMatch(c -> c.time().isAfter(start) && Integer.valueOf(429).equals(c.status())));
        await().atMost(PATIENCE).until(() -> PrometheusScrape.of(scheduler.managementUrl())
                .value("hunting_paused", Map.of()) == 0);

        // After a restart by another test, the metrics of runs appear with the new process's first runs.
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<String> problems = new ArrayList<>();
            PrometheusScrape onScheduler = PrometheusScrape.of(scheduler.managementUrl());
            ofTheScheduler.stream().filter(metric -> !NOT_CREATED_IN_THIS_RUN.containsKey(metric.name()))
                    .forEach(metric -> problems.addAll(metric.problemsIn("hunting-scheduler", onScheduler)));
            // Enrichment counts hunting rows, which PipelineSystemTest has none of.
            PrometheusScrape onEnrichment = PrometheusScrape.of(system.service("enrichment-service").managementUrl());
            readme.exposedBy("enrichment-service").stream()
                    .filter(metric -> metric.name().equals("enrichment_hunting_rows_total"))
                    .forEach(metric -> problems.addAll(metric.problemsIn("enrichment-service", onEnrichment)));
            assertThat(problems).as("README metrics not exposed as the table says").isEmpty();
        });
    }

    @Test
    void switchingARunningDeploymentFromDefenderToGraphPublishesNoRowTwiceAndSkipsNoWindow() throws Exception {
        Map<String, String> onDefender = new java.util.HashMap<>(schedulerEnv);
        onDefender.put("HUNTING_API", "defender");
        scheduler.close();
        scheduler = system.startService("hunting-scheduler", onDefender);
        await().atMost(PATIENCE).until(() -> readiness().contains("\"api\":\"defender\""));
        // A long ProcessId and a date-time with microseconds: the two endpoints write both differently.
        List<Map<String, Object>> table = new ArrayList<>(List.of(switchRow("before-1.exe"),
                switchRow("before-2.exe")));
        system.simulator.putHuntingTable("HuntSwitch", table);
        await().atMost(PATIENCE).until(() -> published("switch", "before-1.exe")
                && published("switch", "before-2.exe"));

        scheduler.close(); // stopped on defender; the same state topics serve the scheduler on graph
        table.add(switchRow("during-downtime.exe"));
        system.simulator.putHuntingTable("HuntSwitch", table);
        SimulatorCall lastOnDefender = last(system.simulator.calls(CallFilter.family(DEFENDER)), "HuntSwitch");
        scheduler = system.startService("hunting-scheduler", schedulerEnv);
        await().atMost(PATIENCE).until(() -> published("switch", "during-downtime.exe"));
        await().atMost(PATIENCE).until(() -> metrics()
                .matches("(?s).*hunting_rows_duplicate_total\\{query=\"switch\",?\\} [1-9][0-9]*\\.0.*"));

        assertThat(readiness()).contains("\"api\":\"graph\"");
        List<ConsumerRecord<String, String>> rows = rowsOf("switch").stream()
                .filter(r -> !r.value().contains("seed.exe")).toList();
        assertThat(rows).as("each row once, though Graph answered the rows Defender had").hasSize(3);
        for (String file : List.of("before-1.exe", "before-2.exe", "during-downtime.exe")) {
            assertThat(rows).filteredOn(r -> r.value().contains(file)).hasSize(1);
        }
        SimulatorCall firstOnGraph = system.simulator.calls(CallFilter.family(GRAPH)).stream()
                .filter(c -> c.body() != null && c.body().contains("HuntSwitch")
                        && c.time().isAfter(lastOnDefender.time()))
                .findFirst().orElseThrow();
        Instant windowStart = Instant.parse(String.valueOf(EventJson.fromJson(firstOnGraph.body(), Map.class)
                .get("Timespan")).split("/")[0]);
        assertThat(windowStart).as("Graph's first window starts no later than Defender's last run: nothing skipped")
                .isBeforeOrEqualTo(lastOnDefender.time());
    }

    private static boolean published(String queryId, String fileName) {
        return rowsOf(queryId).stream().anyMatch(r -> r.value().contains(fileName));
    }

    /** A row of no device (never acted on; a null would leave the column out of the simulator's table). */
    private static Map<String, Object> switchRow(String fileName) {
        Map<String, Object> row = row("no-device", fileName);
        row.put("ProcessId", 9_000_000_000L + fileName.length());
        return row;
    }

    private static SimulatorCall last(List<SimulatorCall> calls, String table) {
        return calls.stream().filter(c -> c.body() != null && c.body().contains(table)
                && Integer.valueOf(200).equals(c.status())).reduce((a, b) -> b).orElseThrow();
    }

    private static Object query(SimulatorCall call) {
        return EventJson.fromJson(call.body(), Map.class).get("Query");
    }

    private static String readiness() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(scheduler.managementUrl() + "/q/health/ready")).build(), HttpResponse.BodyHandlers.ofString())
                .body().replace(" ", "");
    }

    private static Map<String, Object> row(String deviceId, String fileName) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("Timestamp", Instant.now().toString());
        row.put("DeviceId", deviceId);
        row.put("FileName", fileName);
        return row;
    }

    private static List<ConsumerRecord<String, String>> rowsOf(String queryId) {
        return TopicReader.readAll(system.bootstrapServers, RESULTS, new StringDeserializer(),
                new StringDeserializer()).stream()
                .filter(r -> r.value().contains("\"queryId\":\"" + queryId + "\"")).toList();
    }

    private static int huntingCalls(String table) {
        return (int) system.simulator.calls(CallFilter.family(GRAPH)).stream()
                .filter(c -> c.body() != null && c.body().contains(table) && Integer.valueOf(200).equals(c.status()))
                .count();
    }

    private static List<String> outcomes(String machineId) {
        return TopicReader.readAll(system.bootstrapServers, Topics.DECISIONS.defaultName(), new StringDeserializer(),
                new StringDeserializer()).stream()
                .filter(r -> machineId.equals(r.key()))
                .map(r -> String.valueOf(EventJson.fromJson(r.value(), Map.class).get("outcome"))).toList();
    }

    private static String metrics() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(scheduler.managementUrl() + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

}
