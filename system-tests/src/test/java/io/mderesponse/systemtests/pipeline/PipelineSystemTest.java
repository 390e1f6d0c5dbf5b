package io.mderesponse.systemtests.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mderesponse.contracts.schema.EventSchemas;
import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.systemtests.observability.JsonLogLines.Line;
import io.mderesponse.systemtests.observability.JsonLogLines;
import io.mderesponse.systemtests.observability.LogLeaks;
import io.mderesponse.systemtests.observability.OtlpSink;
import io.mderesponse.systemtests.observability.ReadmeMetrics;
import io.mderesponse.testsupport.defender.CallFilter;
import io.mderesponse.testsupport.defender.SampleData;
import io.mderesponse.testsupport.defender.SimulatorCall;
import io.mderesponse.testsupport.defender.SimulatorCredentials;
import io.mderesponse.testsupport.defender.TestIds;
import io.mderesponse.testsupport.metrics.PrometheusScrape;
import io.mderesponse.testsupport.process.ProjectLayout;
import io.mderesponse.testsupport.system.EmailParts;
import io.mderesponse.testsupport.system.RunningSystem;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
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
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The product's complete run: five services, each its own process, talking only through topics, run as production
 * runs them (the prod profile's JSON logs) with a distinctive client secret and tracing on. One High and one Medium
 * alert go through it once; each test reads a different consequence: the isolation and the email, the records on
 * each topic, what the logs say and never say, the trace, and the metrics.
 *
 * <p>One system start serves all of them (about 40 s on two cores). {@link RenamedTopicsSystemTest} runs the same
 * path with every default left alone (tracing off).
 */
class PipelineSystemTest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final List<String> PIPELINE_TOPICS = List.of(Topics.ALERTS_NEW.defaultName(),
            Topics.ALERTS_ENRICHED.defaultName(), Topics.DECISIONS.defaultName(),
            Topics.ACTIONS_REQUESTED.defaultName(), Topics.ACTIONS_RESULTS.defaultName());
    private static final String SECRET = "pipeline-Secret-" + UUID.randomUUID();
    private static final String NO_TRACE = "00000000000000000000000000000000";
    /** Metric names of this project and Kafka's in PromQL expressions. */
    private static final Pattern PROJECT_METRIC = Pattern.compile(
            "\\b(?:messaging|kafka_consumer|defender|decisions|response|notifier|alert_poller|enrichment)_[a-z0-9_]+");
    /**
     * Metrics created on their first use (a tag value is known only then) whose event this run never has, with why.
     * The README's metric table and the dashboard may name them; every other metric they name must be exposed.
     */
    private static final Map<String, String> NOT_CREATED_IN_THIS_RUN = Map.of(
            "defender_budget_exhausted_total", "no call finds its family's budget empty: one alert of each severity",
            "alert_poller_api_errors_total", "no poll fails: the simulator answers every call",
            "rules_evaluation_errors_total", "the bundled rule's condition never fails",
            "enrichment_hunting_rows_total", "no hunting row: HuntingSystemTest checks it with hunting-scheduler's",
            "response_permission_missing_total", "the simulator grants every permission: ResponseActionsKafkaTest "
                    + "refuses Machine.Scan and reads it",
            "response_order_wait_expired_total", "the bundled rule asks for one action, so nothing waits for an "
                    + "earlier one: ResponseActionsKafkaTest lets a wait expire and reads it");

    private static OtlpSink collector;
    private static RunningSystem system;
    private static PipelineTopics topics;
    private static final String highMachine = TestIds.machineId();
    private static final String mediumMachine = TestIds.machineId();
    private static final String highAlert = TestIds.alertId();
    private static final String mediumAlert = TestIds.alertId();

    @BeforeAll
    static void runAHighAndAMediumAlertThroughTheSystem() {
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
        system.simulator.addMachine(SampleData.machine(highMachine, "ws-high.contoso.com"));
        system.simulator.addMachine(SampleData.machine(mediumMachine, "ws-medium.contoso.com"));
        system.simulator.addAlert(SampleData.alert(highAlert, "High", highMachine));
        system.simulator.addAlert(SampleData.alert(mediumAlert, "Medium", mediumMachine));

        await().atMost(PATIENCE).until(() -> system.mail.getReceivedMessages().length >= 1);
        // The Medium alert was decided (no rule matched) and the notifier has read every decision since.
        await().atMost(PATIENCE).until(() -> topics.withCorrelationId(Topics.DECISIONS.defaultName(), mediumAlert)
                .size() == 1);
        await().atMost(PATIENCE).until(() -> topics.consumedEverything("notifier-service",
                Topics.DECISIONS.defaultName()) && topics.consumedEverything("notifier-service",
                Topics.ACTIONS_RESULTS.defaultName()) && topics.consumedEverything("response-service",
                Topics.ACTIONS_REQUESTED.defaultName()));
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
    void aHighAlertBecomesOneIsolationAndOneEmailWhileAMediumAlertBecomesNeither() throws Exception {
        List<SimulatorCall> isolations = system.simulator.calls(CallFilter.path("/isolate").method("POST"));
        assertThat(isolations).filteredOn(call -> call.path().contains(highMachine)).singleElement()
                .satisfies(call -> assertThat(call.body()).contains("\"Comment\"").contains(highAlert)
                        .contains("isolate-high"));
        assertThat(isolations).noneMatch(call -> call.path().contains(mediumMachine));

        MimeMessage[] emails = system.mail.getReceivedMessages();
        assertThat(emails).hasSize(1);
        MimeMessage email = emails[0];
        assertThat(email.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly(RunningSystem.RECIPIENT);
        assertThat(email.getSubject()).contains("Succeeded").doesNotContain("\r").doesNotContain("\n");
        String text = EmailParts.part(email, "text/plain");
        String html = EmailParts.part(email, "text/html");
        assertThat(text).contains("ws-high.contoso.com").contains(highMachine).contains("High").contains("Succeeded");
        assertThat(html).contains("ws-high.contoso.com").contains(highMachine).contains("Succeeded")
                .contains("&lt;b&gt;" + highAlert).doesNotContain("<b>" + highAlert);
    }

    @Test
    void eachPipelineTopicCarriesOneSchemaValidRecordOfTheHighAlertAndNoActionForTheMediumOne() {
        for (String topic : PIPELINE_TOPICS) {
            List<ConsumerRecord<String, String>> records = topics.withCorrelationId(topic, highAlert);
            assertThat(records).as(topic).hasSize(1);
            ConsumerRecord<String, String> record = records.get(0);
            assertThat(EventSchemas.validate(PipelineTopics.eventType(record), record.value())).as(topic).isEmpty();
        }
        assertThat(topics.withCorrelationId(Topics.ACTIONS_REQUESTED.defaultName(), mediumAlert)).isEmpty();
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
                    .filter(line -> highAlert.equals(line.mdc().get("alertId"))).toList();
            assertThat(aboutTheAlert).as(service + ": lines with the alert id in their MDC").isNotEmpty();
            assertThat(aboutTheAlert).as(service).allSatisfy(line -> {
                assertThat(line.mdc()).containsEntry("correlationId", highAlert);
                assertThat(line.mdc()).containsEntry("machineId", highMachine);
            });
            // A line whose text names the alert was logged in its record's context.
            assertThat(lines(service)).as(service).filteredOn(line -> line.message().contains(highAlert))
                    .allSatisfy(line -> assertThat(line.mdc()).containsEntry("correlationId", highAlert));
        }
    }

    @Test
    void oneTraceIdFollowsTheAlertThroughAllFiveServices() {
        Map<String, Set<String>> traceIds = new TreeMap<>();
        for (String service : RunningSystem.SERVICES) {
            traceIds.put(service, lines(service).stream()
                    .filter(line -> highAlert.equals(line.mdc().get("correlationId")))
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
            PrometheusScrape.of(system.service(service).managementUrl()).samples()
                    .forEach(sample -> exposed.add(sample.name()));
        }
        used.removeAll(NOT_CREATED_IN_THIS_RUN.keySet());
        assertThat(exposed).as("metrics the five services expose after one alert").containsAll(used);
    }

    @Test
    void everyMetricTheReadmeNamesIsExposedByItsService() {
        ReadmeMetrics readme = ReadmeMetrics.read(ProjectLayout.root().resolve("README.md"));
        assertThat(readme.metrics()).as("the README's metric table, as read")
                .extracting(ReadmeMetrics.Metric::name)
                .contains("messaging_records_in_total", "decisions_held", "alert_poller_active", "hunting_paused");
        Set<String> elsewhere = new TreeSet<>(ReadmeMetrics.SERVICES);
        elsewhere.removeAll(RunningSystem.SERVICES);
        assertThat(elsewhere).as("services this run does not start (HuntingSystemTest checks their metrics)")
                .containsExactly("hunting-scheduler");
        assertThat(readme.metrics()).extracting(ReadmeMetrics.Metric::name)
                .as("metrics this run cannot show are in the table").containsAll(NOT_CREATED_IN_THIS_RUN.keySet());

        List<String> problems = new ArrayList<>();
        for (String service : RunningSystem.SERVICES) {
            PrometheusScrape scrape = PrometheusScrape.of(system.service(service).managementUrl());
            readme.exposedBy(service).stream().filter(metric -> !NOT_CREATED_IN_THIS_RUN.containsKey(metric.name()))
                    .forEach(metric -> problems.addAll(metric.problemsIn(service, scrape)));
        }
        assertThat(problems).as("README metrics the five services do not expose as the table says, after one alert")
                .isEmpty();
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

    /** The decoded content of the email's part of the given MIME type. */
}
