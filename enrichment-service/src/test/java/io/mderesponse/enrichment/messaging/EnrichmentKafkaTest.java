package io.mderesponse.enrichment.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.contracts.defender.Severity;
import io.mderesponse.contracts.event.AlertDetected;
import io.mderesponse.contracts.event.AlertEnriched;
import io.mderesponse.contracts.serde.AlertEnrichedDeserializer;
import io.mderesponse.contracts.serde.AlertDetectedDeserializer;
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
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(DefenderSimulatorResource.class)
class EnrichmentKafkaTest {

    private static final String DLQ = Topics.dlq(Topics.ALERTS_NEW.defaultName(), "enrichment-service");

    @ConfigProperty(name = "defender.api.base-url")
    String simulatorUrl;
    SimulatorAdmin simulator;
    private KafkaCompanion kafka;

    @BeforeEach
    void connect() {
        simulator = new SimulatorAdmin(simulatorUrl);
        kafka = new KafkaCompanion(SharedKafkaBroker.bootstrapServers());
        kafka.registerSerde(AlertDetected.class,
                Serdes.serdeFrom(new JsonEventSerializer<>(), new AlertDetectedDeserializer()));
        kafka.registerSerde(AlertEnriched.class,
                Serdes.serdeFrom(new JsonEventSerializer<>(), new AlertEnrichedDeserializer()));
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void aNewAlertIsPublishedWithItsEvidenceAndMachineKeyedByMachineId() {
        String machineId = TestIds.machineId();
        String alertId = TestIds.alertId();
        simulator.addMachine(SampleData.machine(machineId, "ws-1.contoso.com"));
        simulator.addAlert(SampleData.alert(alertId, "High", machineId));

        publish(alertId, machineId);

        ConsumerRecord<String, AlertEnriched> enriched = awaitEnriched(alertId);
        assertThat(enriched.key()).isEqualTo(machineId);
        assertThat(enriched.value().alert().severity()).isEqualTo(Severity.High);
        assertThat(enriched.value().alert().evidence()).isNotEmpty();
        assertThat(enriched.value().machine().id()).isEqualTo(machineId);
        assertThat(enriched.value().machine().computerDnsName()).isEqualTo("ws-1.contoso.com");
        assertThat(simulator.calls(CallFilter.path("/api/machines/" + machineId))).hasSize(1);
    }

    @Test
    void anAlertWithoutAMachineIsPublishedKeyedByAlertIdAndNoMachineIsLookedUp() {
        String alertId = TestIds.alertId();
        simulator.addAlert(SampleData.alert(alertId, "High", null));

        publish(alertId, null);

        ConsumerRecord<String, AlertEnriched> enriched = awaitEnriched(alertId);
        assertThat(enriched.key()).isEqualTo(alertId);
        assertThat(enriched.value().machine()).isNull();
    }

    @Test
    void anAlertDefenderDoesNotKnowGoesToTheDeadLetterTopicWithTheReason() {
        String alertId = TestIds.alertId();

        publish(alertId, null);

        ConsumerRecord<String, String> dead = kafka.consumeStrings()
                .fromTopics(DLQ, records -> records.select().where(r -> alertId.equals(r.key())).select().first())
                .awaitCompletion(Duration.ofSeconds(60)).getRecords().get(0);
        assertThat(TopicReader.header(dead, "dead-letter-reason").orElse(null)).contains("HTTP 404")
                .contains("get alert");
        assertThat(TopicReader.header(dead, "dead-letter-topic")).contains(Topics.ALERTS_NEW.defaultName());
        assertThat(TopicReader.header(dead, "dead-letter-partition")).isPresent();
        assertThat(TopicReader.header(dead, "dead-letter-offset")).isPresent();
        assertThat(TopicReader.header(dead, CloudEventHeaders.TYPE)).contains("defender.alert.detected.v1");
        assertThat(dead.value()).contains(alertId);
    }

    @Test
    void alertsOfOneMachineCostOneMachineCallAndEachAlertIsReadOnce() {
        String machineId = TestIds.machineId();
        String first = TestIds.alertId();
        String second = TestIds.alertId();
        simulator.addMachine(SampleData.machine(machineId, "ws-2.contoso.com"));
        simulator.addAlert(SampleData.alert(first, "Medium", machineId));
        simulator.addAlert(SampleData.alert(second, "High", machineId));

        publish(first, machineId);
        awaitEnriched(first);
        publish(second, machineId);

        assertThat(awaitEnriched(second).value().machine().id()).isEqualTo(machineId);
        assertThat(simulator.calls(CallFilter.path("/api/machines/" + machineId))).hasSize(1);
        assertThat(simulator.calls(CallFilter.path("/api/alerts/" + first))).hasSize(1);
        assertThat(simulator.calls(CallFilter.path("/api/alerts/" + second))).hasSize(1);
    }

    private void publish(String alertId, String machineId) {
        AlertDetected detected = AlertDetected.of(alertId, machineId, Severity.High, "title", Instant.now(),
                Instant.now(), null);
        kafka.produce(String.class, AlertDetected.class)
                .fromRecords(new ProducerRecord<>(Topics.ALERTS_NEW.defaultName(), alertId, detected))
                .awaitCompletion();
    }

    private ConsumerRecord<String, AlertEnriched> awaitEnriched(String alertId) {
        return kafka.consume(String.class, AlertEnriched.class)
                .fromTopics(Topics.ALERTS_ENRICHED.defaultName(), records -> records.select()
                        .where(r -> alertId.equals(TopicReader.header(r, CloudEventHeaders.CORRELATION_ID).orElse(null))).select().first())
                .awaitCompletion(Duration.ofSeconds(60)).getRecords().get(0);
    }

}
