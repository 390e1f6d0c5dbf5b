package io.mderesponse.systemtests.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.systemtests.observability.JsonLogLines.Line;
import io.mderesponse.systemtests.pipeline.PipelineTopics;
import io.mderesponse.systemtests.pipeline.RunningSystem;
import io.mderesponse.testsupport.defender.SampleData;
import io.mderesponse.testsupport.defender.SimulatorCredentials;
import io.mderesponse.testsupport.defender.TestIds;
import io.mderesponse.testsupport.metrics.PrometheusScrape;
import io.mderesponse.testsupport.process.ProjectLayout;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One full run of the five packaged services as production runs them (JSON logs, the prod profile) with a
 * distinctive client secret and tracing on: no service and not the simulator logs the secret or a bearer token;
 * the lines about the alert carry its correlation, alert and machine ids; and one trace id follows the alert
 * through all five services, carried in the Kafka headers.
 */
class ObservabilitySystemTest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String SECRET = "obs-Secret-" + java.util.UUID.randomUUID();
    private static final String NO_TRACE = "00000000000000000000000000000000";
    /** Metric names of this project and Kafka's in PromQL expressions. */
    private static final Pattern PROJECT_METRIC = Pattern.compile(
            "\\b(?:messaging|kafka_consumer|defender|decisions|response|notifier|alert_poller|enrichment)_[a-z0-9_]+");
    /** Counters a run without that fault never creates (they have a tag known only then). */
    private static final Set<String> CREATED_ON_FIRST_USE = Set.of("defender_budget_exhausted_total");

    private static OtlpSink collector;
    private static RunningSystem system;
    private static PipelineTopics topics;
    private static String alertId;
    private static String machineId;

    @BeforeAll
    static void runOneAlertThroughTheSystem() {
        collector = new OtlpSink();
        system = RunningSystem.start(Map.of(
                        "DEFENDER_CLIENT_SECRET", SECRET,
                        // Tracing is off by default; operators turn it on with the standard quarkus.otel.* settings.
                        "QUARKUS_OTEL_SDK_DISABLED", "false",
                        "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf",
                        "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", collector.endpoint(),
                        "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "1s"),
                Map.of("SIMULATOR_CLIENT_SECRET", SECRET));
        topics = new PipelineTopics(system.bootstrapServers);
        machineId = TestIds.machineId();
        alertId = TestIds.alertId();
        system.simulator.addMachine(SampleData.machine(machineId, "ws-observed.contoso.com"));
        system.simulator.addAlert(SampleData.alert(alertId, "High", machineId));

        await().atMost(PATIENCE).until(() -> system.mail.getReceivedMessages().length >= 1);
        await().atMost(PATIENCE).until(() -> topics.consumedEverything("notifier-service",
                Topics.DECISIONS.defaultName()) && topics.consumedEverything("notifier-service",
                Topics.ACTIONS_RESULTS.defaultName()));
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
        if (collector != null) {
            collector.close();
        }
    }

    @Test
    void noServiceAndNotTheSimulatorLogsTheClientSecretOrABearerToken() throws Exception {
        LogLeaks check = new LogLeaks(Set.of(SECRET));
        // The check finds what it looks for: the secret, and a token the simulator really issues for it.
        String issued = token();
        assertThat(check.scan("planted", "client_secret=" + SECRET + "\nAuthorization: Bearer " + issued))
                .hasSize(2);

        List<LogLeaks.Leak> leaks = new ArrayList<>(check.scan("defender-simulator", system.simulatorProcess.log()));
        for (String service : RunningSystem.SERVICES) {
            String log = system.service(service).log();
            assertThat(log).as(service + " logged something").isNotBlank();
            leaks.addAll(check.scan(service, log));
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void everyLineLoggedWhileHandlingTheAlertsRecordsCarriesItsIds() {
        for (String service : RunningSystem.SERVICES) {
            List<Line> aboutTheAlert = lines(service).stream()
                    .filter(line -> alertId.equals(line.mdc().get("alertId"))).toList();
            assertThat(aboutTheAlert).as(service + ": lines with the alert id in their MDC").isNotEmpty();
            assertThat(aboutTheAlert).as(service).allSatisfy(line -> {
                assertThat(line.mdc()).containsEntry("correlationId", alertId);
                assertThat(line.mdc()).containsEntry("machineId", machineId);
            });
            // A line whose text names the alert was logged in its record's context.
            assertThat(lines(service)).as(service).filteredOn(line -> line.message().contains(alertId))
                    .allSatisfy(line -> assertThat(line.mdc()).containsEntry("correlationId", alertId));
        }
    }

    @Test
    void oneTraceIdFollowsTheAlertThroughAllFiveServices() {
        Map<String, Set<String>> traceIds = new TreeMap<>();
        for (String service : RunningSystem.SERVICES) {
            traceIds.put(service, lines(service).stream()
                    .filter(line -> alertId.equals(line.mdc().get("correlationId")))
                    .map(line -> line.mdc("traceId").orElse(NO_TRACE)).collect(Collectors.toSet()));
        }
        Set<String> all = traceIds.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
        assertThat(all).as("trace ids by service: " + traceIds).hasSize(1).doesNotContain(NO_TRACE);
        assertThat(traceIds.values()).as("trace ids by service: " + traceIds).allSatisfy(ids -> assertThat(ids)
                .isEqualTo(all));
        await().atMost(Duration.ofSeconds(30)).until(() -> collector.traceExports() > 0);
    }

    @Test
    void theDashboardAndTheAlertRulesReadOnlyMetricsTheServicesExpose() throws Exception {
        Path deploy = ProjectLayout.root().resolve("deploy/observability");
        String rules = Files.readString(deploy.resolve("prometheus-rules.yaml"));
        String dashboard = Files.readString(deploy.resolve("grafana-dashboard.json"));
        Set<String> used = new TreeSet<>();
        Matcher names = PROJECT_METRIC.matcher(rules + "\n" + dashboard);
        while (names.find()) {
            used.add(names.group());
        }
        assertThat(used).as("the scan finds the metrics").contains("messaging_records_dead_lettered_total",
                "kafka_consumer_fetch_manager_records_lag_max", "decisions_held", "alert_poller_active");

        Set<String> exposed = new TreeSet<>();
        for (String service : RunningSystem.SERVICES) {
            PrometheusScrape.of(system.service(service).baseUrl()).samples()
                    .forEach(sample -> exposed.add(sample.name()));
        }
        used.removeAll(CREATED_ON_FIRST_USE);
        assertThat(exposed).as("metrics the five services expose after one alert").containsAll(used);
    }

    private static List<Line> lines(String service) {
        return JsonLogLines.parse(service, system.service(service).log());
    }

    /** A token as the services get one: client credentials with the secret. */
    private static String token() throws Exception {
        String form = "grant_type=client_credentials&client_id=" + SimulatorCredentials.CLIENT_ID
                + "&client_secret=" + URLEncoder.encode(SECRET, StandardCharsets.UTF_8)
                + "&scope=" + URLEncoder.encode("https://api.securitycenter.microsoft.com/.default",
                StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        SimulatorCredentials.tokenUrl(system.simulatorProcess.baseUrl(), SimulatorCredentials.TENANT_ID)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new ObjectMapper().readTree(response.body()).path("access_token").asText();
    }
}
