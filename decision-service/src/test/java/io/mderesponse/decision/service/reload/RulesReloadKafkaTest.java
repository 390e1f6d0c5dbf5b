package io.mderesponse.decision.service.reload;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.mderesponse.contracts.event.AlertEnriched;
import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.DecisionOutcome;
import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.contracts.event.RuleAction;
import io.mderesponse.contracts.serde.AlertEnrichedDeserializer;
import io.mderesponse.contracts.serde.CloudEventHeaders;
import io.mderesponse.contracts.serde.DecisionMadeDeserializer;
import io.mderesponse.contracts.serde.JsonEventSerializer;
import io.mderesponse.contracts.serde.MachineActionRequestedDeserializer;
import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.decision.Samples;
import io.mderesponse.testsupport.kafka.KafkaBrokerResource;
import io.mderesponse.testsupport.oidc.OperatorIdentityProvider;
import io.mderesponse.testsupport.oidc.OperatorIdentityProvider.Person;
import io.mderesponse.testsupport.kafka.SharedKafkaBroker;
import io.mderesponse.testsupport.kafka.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The running service with rules from a ConfigMap-style symlinked file, reloaded every 200 ms: swaps take effect,
 * a bad file is refused while the running rules keep deciding, and a dry-run rule requests nothing.
 */
@QuarkusTest
@TestProfile(SymlinkRulesProfile.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OperatorIdentityProvider.class)
class RulesReloadKafkaTest {

    @TestHTTPResource(value = "/metrics", management = true)
    URL metricsUrl;

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static final String ISOLATE_HIGH = """
            rules:
              - id: isolate-high-v1
                when: alert.severity == "High"
                actions: [isolate, notify]
                isolation: Full
            """;
    private static final String NOTIFY_MEDIUM = """
            rules:
              - id: notify-medium-v2
                when: alert.severity == "Medium"
                actions: [notify]
                notify: [soc@example.com]
            """;
    private static final String BROKEN = """
            rules:
              - id: notify-medium-v3
                when: alert.severity == "Medium" && machine.tags == []
                actions: [notify]
            """;
    private static final String DRY_RUN_RANSOMWARE = """
            rules:
              - id: try-ransomware
                when: alert.category == "Ransomware"
                actions: [isolate, notify]
                isolation: Selective
                dryRun: true
              - id: isolate-high
                when: alert.severity == "High"
                actions: [isolate]
                isolation: Full
            """;

    private final ConfigMapDirectory configMap = SymlinkRulesProfile.configMap();
    private KafkaCompanion kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(SharedKafkaBroker.bootstrapServers());
        kafka.registerSerde(AlertEnriched.class,
                Serdes.serdeFrom(new JsonEventSerializer<>(), new AlertEnrichedDeserializer()));
        kafka.registerSerde(DecisionMade.class,
                Serdes.serdeFrom(new JsonEventSerializer<>(), new DecisionMadeDeserializer()));
        kafka.registerSerde(MachineActionRequested.class,
                Serdes.serdeFrom(new JsonEventSerializer<>(), new MachineActionRequestedDeserializer()));
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void aSymlinkSwapActivatesTheNewRulesWhichThenDecide() {
        activate(ISOLATE_HIGH);
        DecisionMade high = decide(Samples.enriched(Samples.uniqueAlertId(), "High"));
        assertThat(high.ruleId()).isEqualTo("isolate-high-v1");
        assertThat(high.rulesetVersion()).isEqualTo(RuleFileReloaderTest.hash(ISOLATE_HIGH));

        activate(NOTIFY_MEDIUM);
        DecisionMade medium = decide(Samples.enriched(Samples.uniqueAlertId(), "Medium"));

        assertThat(medium.ruleId()).isEqualTo("notify-medium-v2");
        assertThat(medium.rulesetVersion()).isEqualTo(RuleFileReloaderTest.hash(NOTIFY_MEDIUM));
        assertThat(medium.outcome()).isEqualTo(DecisionOutcome.ACTED);
        assertThat(medium.actions()).containsExactly(RuleAction.NOTIFY);
        assertThat(medium.recipients()).containsExactly("soc@example.com");
        assertThat(medium.inputs()).containsEntry("alert.severity", "Medium");
    }

    @Test
    void aBadFileIsRefusedWithItsPositionWhileTheRunningRulesKeepDeciding() {
        activate(ISOLATE_HIGH);
        double failuresBefore = metric("rules_reload_failures_total");

        configMap.swap(BROKEN);

        await().atMost(PATIENCE).untilAsserted(() -> asOperator().get("/rules").then()
                .body("rejected.version", equalTo(RuleFileReloaderTest.hash(BROKEN))));
        asOperator().get("/rules").then()
                .body("version", equalTo(RuleFileReloaderTest.hash(ISOLATE_HIGH)))
                .body("rejected.errors[0].ruleId", equalTo("notify-medium-v3"))
                .body("rejected.errors[0].line", equalTo(3))
                .body("rejected.errors[0].column", equalTo(48));
        assertThat(metric("rules_reload_failures_total")).isEqualTo(failuresBefore + 1);
        assertThat(metric("rules_file_rejected")).isEqualTo(1.0);
        DecisionMade high = decide(Samples.enriched(Samples.uniqueAlertId(), "High"));
        assertThat(high.ruleId()).isEqualTo("isolate-high-v1");
        assertThat(high.rulesetVersion()).isEqualTo(RuleFileReloaderTest.hash(ISOLATE_HIGH));
        // Still refused once only, however many checks ran since.
        assertThat(metric("rules_reload_failures_total")).isEqualTo(failuresBefore + 1);
    }

    @Test
    void aDryRunRuleRecordsADryRunDecisionAndRequestsNothing() {
        activate(DRY_RUN_RANSOMWARE);
        String machineId = Samples.uniqueMachineId();
        AlertEnriched ransomware = AlertEnriched.of(Samples.alertWith(Samples.uniqueAlertId(), machineId,
                Map.of("category", "Ransomware")), Samples.machine(machineId));
        AlertEnriched execution = AlertEnriched.of(Samples.alertWith(Samples.uniqueAlertId(), machineId,
                Map.of("category", "Execution")), Samples.machine(machineId));

        // Same machine, so same key and partition: the second is decided after the first.
        produce(ransomware);
        produce(execution);

        ConsumerRecord<String, MachineActionRequested> later = awaitFor(MachineActionRequested.class,
                Topics.ACTIONS_REQUESTED.defaultName(), execution.alert().id());
        assertThat(later.value().machineId()).isEqualTo(machineId);
        DecisionMade dryRun = awaitFor(DecisionMade.class, Topics.DECISIONS.defaultName(), ransomware.alert().id())
                .value();
        assertThat(dryRun.outcome()).isEqualTo(DecisionOutcome.DRY_RUN);
        assertThat(dryRun.ruleId()).isEqualTo("try-ransomware");
        assertThat(dryRun.actions()).containsExactly(RuleAction.ISOLATE, RuleAction.NOTIFY);
        List<String> requestedFor = TopicReader.readAll(SharedKafkaBroker.bootstrapServers(),
                Topics.ACTIONS_REQUESTED.defaultName(), new StringDeserializer(), new StringDeserializer()).stream()
                .map(record -> TopicReader.header(record, CloudEventHeaders.CORRELATION_ID).orElse(""))
                .toList();
        assertThat(requestedFor).contains(execution.alert().id()).doesNotContain(ransomware.alert().id());
    }

    private void activate(String content) {
        configMap.swap(content);
        await().atMost(PATIENCE).untilAsserted(() -> asOperator().get("/rules").then()
                .body("version", equalTo(RuleFileReloaderTest.hash(content))));
    }

    private DecisionMade decide(AlertEnriched event) {
        produce(event);
        return awaitFor(DecisionMade.class, Topics.DECISIONS.defaultName(), event.alert().id()).value();
    }

    private void produce(AlertEnriched event) {
        kafka.produce(String.class, AlertEnriched.class).fromRecords(
                new ProducerRecord<>(Topics.ALERTS_ENRICHED.defaultName(), event.kafkaKey(), event)).awaitCompletion();
    }

    private <T> ConsumerRecord<String, T> awaitFor(Class<T> type, String topic, String correlationId) {
        return kafka.consume(String.class, type)
                .fromTopics(topic, records -> records.select()
                        .where(r -> correlationId.equals(TopicReader.header(r, CloudEventHeaders.CORRELATION_ID)
                                .orElse(null))).select().first())
                .awaitCompletion(PATIENCE).getRecords().get(0);
    }

    /** A metric's value from the Prometheus text (the first series of that name). */
    private double metric(String name) {
        String text = given().get(metricsUrl).then().statusCode(200).extract().asString();
        return text.lines().filter(line -> line.startsWith(name + " ") || line.startsWith(name + "{"))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("No metric " + name));
    }

    private static RequestSpecification asOperator() {
        return given().auth().oauth2(OperatorIdentityProvider.token(Person.OPERATOR));
    }
}
