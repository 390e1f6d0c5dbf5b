package io.mderesponse.enrichment.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.mderesponse.contracts.defender.Severity;
import io.mderesponse.contracts.event.AlertDetected;
import io.mderesponse.contracts.serde.CloudEventHeaders;
import io.mderesponse.contracts.serde.JsonEventSerializer;
import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.testsupport.defender.CallFilter;
import io.mderesponse.testsupport.defender.DefenderSimulatorResource;
import io.mderesponse.testsupport.defender.SampleData;
import io.mderesponse.testsupport.defender.SimulatorAdmin;
import io.mderesponse.testsupport.defender.TestIds;
import io.mderesponse.testsupport.kafka.KafkaBrokerResource;
import io.mderesponse.testsupport.kafka.SharedKafkaBroker;
import io.mderesponse.testsupport.kafka.TopicReader;
import io.mderesponse.testsupport.oidc.OperatorIdentityProvider;
import io.mderesponse.testsupport.oidc.OperatorIdentityProvider.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import static org.awaitility.Awaitility.await;

/**
 * Dead letters and their redrive, end to end for the enrichment service's consumer: an alert Defender does not
 * know (404) goes to {@code defender.alerts.new.enrichment-service.dlq} with SmallRye's dead-letter headers; once
 * Defender knows it, {@code POST /dlq/alerts-new/redrive} puts it on the group's retry topic, which only this group
 * reads, and it is enriched, while the public topic still holds it once.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(DefenderSimulatorResource.class)
@WithTestResource(OperatorIdentityProvider.class)
class DeadLetterRedriveTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String ALERTS_NEW = Topics.ALERTS_NEW.defaultName();
    private static final String DLQ = Topics.dlq(ALERTS_NEW, "enrichment-service");
    private static final String RETRY = Topics.retry(ALERTS_NEW, "enrichment-service");

    @ConfigProperty(name = "defender.api.base-url")
    String simulatorUrl;

    @Test
    void anAlertDefenderDidNotKnowIsRedrivenFromTheDeadLetterTopicToThisGroupOnlyAndEnriched() {
        SimulatorAdmin simulator = new SimulatorAdmin(simulatorUrl);
        String bootstrap = SharedKafkaBroker.bootstrapServers();
        String machineId = TestIds.machineId();
        String alertId = TestIds.alertId();
        publish(bootstrap, alertId, machineId);

        ConsumerRecord<String, String> dead = await().atMost(PATIENCE).until(() -> withKey(bootstrap, DLQ, alertId),
                records -> !records.isEmpty()).get(0);
        assertThat(TopicReader.header(dead, "dead-letter-reason").orElseThrow()).contains("HTTP 404");
        assertThat(TopicReader.header(dead, "dead-letter-topic")).contains(ALERTS_NEW);

        // Defender knows the alert now (it was late), and an operator redrives the dead letters.
        simulator.addMachine(SampleData.machine(machineId, "ws-late.contoso.com"));
        simulator.addAlert(SampleData.alert(alertId, "High", machineId));
        asOperator().get("/dlq").then().statusCode(200)
                .body("find { it.channel == 'alerts-new' }.retryTopic", equalTo(RETRY))
                .body("find { it.channel == 'alerts-new' }.waiting", greaterThanOrEqualTo(1));
        asOperator().post("/dlq/alerts-new/redrive").then().statusCode(200)
                .body("retryTopic", equalTo(RETRY))
                .body("moved", greaterThanOrEqualTo(1));

        List<ConsumerRecord<String, String>> retried = withKey(bootstrap, RETRY, alertId);
        assertThat(retried).hasSize(1);
        assertThat(TopicReader.header(retried.get(0), "redrive-dead-letter-reason").orElseThrow()).contains("404");
        await().atMost(PATIENCE).until(() -> TopicReader.readAll(bootstrap, Topics.ALERTS_ENRICHED.defaultName(),
                new StringDeserializer(), new StringDeserializer()).stream()
                .anyMatch(r -> alertId.equals(TopicReader.header(r, CloudEventHeaders.CORRELATION_ID).orElse(null))));
        assertThat(withKey(bootstrap, ALERTS_NEW, alertId)).as("the public topic is untouched").hasSize(1);
        assertThat(simulator.calls(CallFilter.path("/api/alerts/" + alertId))).extracting(c -> c.status())
                .containsExactly(404, 200);
    }

    @Test
    void aChannelWithoutDeadLettersOrAnUnknownChannelIsRefused() {
        asOperator().post("/dlq/no-such-channel/redrive").then().statusCode(404);
    }

    @Test
    void deadLettersAreForSocOperatorsOnly() {
        given().get("/dlq").then().statusCode(401);
        given().post("/dlq/alerts-new/redrive").then().statusCode(401);
        given().auth().oauth2("not-a-token").get("/dlq").then().statusCode(401);
        given().auth().oauth2(OperatorIdentityProvider.token(Person.OTHER_AUDIENCE)).get("/dlq").then()
                .statusCode(401);
        given().auth().oauth2(OperatorIdentityProvider.token(Person.APPROVER)).post("/dlq/alerts-new/redrive")
                .then().statusCode(403);
        given().auth().oauth2(OperatorIdentityProvider.token(Person.CLAIMS_LOCAL_ROLE)).get("/dlq").then()
                .statusCode(403);
    }

    private static RequestSpecification asOperator() {
        return given().auth().oauth2(OperatorIdentityProvider.token(Person.OPERATOR));
    }

    private static List<ConsumerRecord<String, String>> withKey(String bootstrap, String topic, String key) {
        return TopicReader.readAll(bootstrap, topic, new StringDeserializer(), new StringDeserializer()).stream()
                .filter(r -> key.equals(r.key())).toList();
    }

    private static void publish(String bootstrap, String alertId, String machineId) {
        AlertDetected detected = AlertDetected.of(alertId, machineId, Severity.High, "late alert", Instant.now(),
                Instant.now(), null);
        try (KafkaProducer<String, AlertDetected> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(),
                new JsonEventSerializer<>())) {
            producer.send(new ProducerRecord<>(ALERTS_NEW, alertId, detected));
        }
    }
}
