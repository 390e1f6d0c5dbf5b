package io.mderesponse.decision.service.backtest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.mderesponse.contracts.defender.DefenderMachine;
import io.mderesponse.contracts.event.AlertEnriched;
import io.mderesponse.contracts.event.EnrichedEvent;
import io.mderesponse.contracts.serde.CloudEventHeaders;
import io.mderesponse.contracts.serde.JsonEventSerializer;
import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.decision.Samples;
import io.mderesponse.testsupport.kafka.KafkaBrokerResource;
import io.mderesponse.testsupport.kafka.SharedKafkaBroker;
import io.mderesponse.testsupport.kafka.TopicReader;
import io.mderesponse.testsupport.oidc.OperatorIdentityProvider;
import io.mderesponse.testsupport.oidc.OperatorIdentityProvider.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code POST /rules/backtest} over a real topic: counts per rule and for no match, the machines a candidate
 * would isolate, unreadable records counted, and nothing written to any topic and no consumer group left behind.
 */
@QuarkusTest
@TestProfile(BacktestTopicProfile.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OperatorIdentityProvider.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BacktestKafkaTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static final String CANDIDATE = """
            rules:
              - id: spare-tagged
                when: '"do-not-isolate" in machine.machineTags'
                actions: [notify]
              - id: isolate-high
                when: alert.severity == "High"
                actions: [isolate, notify]
                isolation: Full
              - id: try-ransomware
                when: alert.category == "Ransomware"
                actions: [isolate]
                isolation: Selective
                dryRun: true
              - id: beaconing
                when: row.queryId == "beaconing" && row.row.RemoteIP == "203.0.113.7"
                actions: [notify]
              - id: never
                when: alert.severity == "UnSpecified" && alert.title == "no such alert"
                actions: [isolate]
                isolation: Full
            """;

    private final String topic = BacktestTopicProfile.topic();
    private final String often = Samples.uniqueMachineId();
    private final String tagged = Samples.uniqueMachineId();
    private final String other = Samples.uniqueMachineId();

    /** The topic's records: 7 events (6 alerts, 1 hunting row) and 1 record that is no event. */
    @BeforeAll
    void writeTheTopicAndLetTheLiveConsumerSettle() {
        DefenderMachine oftenMachine = Samples.machineWith(often, Map.of("computerDnsName", "often.contoso.com"));
        DefenderMachine taggedMachine = Samples.machineWith(tagged, Map.of("machineTags", List.of("do-not-isolate")));
        DefenderMachine otherMachine = Samples.machine(other);
        List<EnrichedEvent> events = List.of(
                alert(Map.of("severity", "High"), oftenMachine),
                alert(Map.of("severity", "High"), oftenMachine),
                alert(Map.of("severity", "High"), taggedMachine),
                alert(Map.of("severity", "Medium", "category", "Ransomware"), otherMachine),
                alert(Map.of("severity", "Low"), otherMachine),
                alert(Map.of("severity", "Informational"), otherMachine),
                Samples.huntingRow("beaconing", otherMachine, Map.of("RemoteIP", "203.0.113.7")));
        try (KafkaProducer<String, EnrichedEvent> producer = new KafkaProducer<>(producerConfig(),
                new StringSerializer(), new JsonEventSerializer<>())) {
            events.forEach(event -> producer.send(new ProducerRecord<>(topic, event.kafkaKey(), event)));
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig(), new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "poison", "{not an event"));
        }
        // The live consumer decides these too (with the bundled rules); wait until it has, so that only the
        // back-test could write anything while it runs.
        Set<String> ids = events.stream().map(EnrichedEvent::correlationId).collect(Collectors.toSet());
        await().atMost(PATIENCE).until(() -> TopicReader.readAll(SharedKafkaBroker.bootstrapServers(),
                Topics.DECISIONS.defaultName(), new StringDeserializer(), new StringDeserializer()).stream()
                .map(record -> TopicReader.header(record, CloudEventHeaders.CORRELATION_ID).orElse(""))
                .collect(Collectors.toSet()).containsAll(ids));
        await().atMost(PATIENCE).until(() -> !TopicReader.readAll(SharedKafkaBroker.bootstrapServers(),
                Topics.dlq(topic, "decision-service"), new StringDeserializer(), new StringDeserializer()).isEmpty());
    }

    @Test
    void aBacktestCountsPerRuleAndNamesTheMachinesItWouldIsolateWritingNothing() throws Exception {
        Map<TopicPartition, Long> endsBefore = endOffsetsOfEveryTopic();
        Set<String> groupsBefore = consumerGroups();

        JsonPath report = asOperator().contentType("application/yaml").body(CANDIDATE.getBytes(StandardCharsets.UTF_8))
                .post("/rules/backtest").then().statusCode(200).extract().jsonPath();

        assertThat(report.getString("topic")).isEqualTo(topic);
        assertThat(report.getBoolean("complete")).isTrue();
        assertThat(report.getLong("records")).isEqualTo(8);
        assertThat(report.getLong("events")).isEqualTo(7);
        assertThat(report.getLong("unreadable")).isEqualTo(1);
        assertThat(report.<String>getList("rules.id"))
                .containsExactly("spare-tagged", "isolate-high", "try-ransomware", "beaconing", "never");
        assertThat(report.<Integer>getList("rules.matched")).containsExactly(1, 2, 1, 1, 0);
        assertThat(report.<Integer>getList("rules.errors")).containsExactly(0, 0, 0, 0, 0);
        assertThat(report.getLong("noMatch")).isEqualTo(2);
        assertThat(report.<String>getList("wouldIsolate.machineId")).containsExactly(often);
        assertThat(report.getString("wouldIsolate[0].computerDnsName")).isEqualTo("often.contoso.com");
        assertThat(report.getInt("wouldIsolate[0].events")).isEqualTo(2);
        assertThat(report.<String>getList("wouldIsolate[0].rules")).containsExactly("isolate-high");

        assertThat(endOffsetsOfEveryTopic()).isEqualTo(endsBefore);
        assertThat(consumerGroups()).isEqualTo(groupsBefore);
    }

    @Test
    void anInvalidCandidateIsRefusedWithItsErrorsAndNothingIsRead() {
        asOperator().contentType("application/yaml")
                .body("rules:\n  - id: x\n    when: alert.severity = \"High\"\n    actions: [notify]\n"
                        .getBytes(StandardCharsets.UTF_8))
                .post("/rules/backtest").then().statusCode(400)
                .body("valid", equalTo(false))
                .body("errors[0].ruleId", equalTo("x"))
                .body("errors[0].line", equalTo(3))
                .body("errors[0].message", containsString("when:"));
    }

    private static AlertEnriched alert(Map<String, Object> changes, DefenderMachine machine) {
        return AlertEnriched.of(Samples.alertWith(Samples.uniqueAlertId(), machine.id(), changes), machine);
    }

    private static Map<String, Object> producerConfig() {
        return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all");
    }

    /** The end offset of every partition of every (non-internal) topic on the broker. */
    private static Map<TopicPartition, Long> endOffsetsOfEveryTopic() throws Exception {
        try (Admin admin = admin()) {
            Set<String> topics = admin.listTopics().names().get();
            Map<String, TopicDescription> descriptions = admin.describeTopics(topics).allTopicNames().get();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            descriptions.values().forEach(description -> description.partitions().forEach(partition ->
                    latest.put(new TopicPartition(description.name(), partition.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        }
    }

    private static Set<String> consumerGroups() throws Exception {
        try (Admin admin = admin()) {
            return admin.listGroups().all().get().stream().map(GroupListing::groupId).collect(Collectors.toSet());
        }
    }

    private static Admin admin() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers());
        return Admin.create(config);
    }

    private static RequestSpecification asOperator() {
        return given().auth().oauth2(OperatorIdentityProvider.token(Person.OPERATOR));
    }
}
