package io.mderesponse.enrichment.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.contracts.event.HuntingRowEnriched;
import io.mderesponse.contracts.event.HuntingRowFound;
import io.mderesponse.contracts.serde.CloudEventHeaders;
import io.mderesponse.contracts.serde.HuntingRowEnrichedDeserializer;
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
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(HuntingTopicsProfile.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(DefenderSimulatorResource.class)
class HuntingRowsKafkaTest {

    @ConfigProperty(name = "defender.api.base-url")
    String simulatorUrl;
    private SimulatorAdmin simulator;
    private KafkaCompanion kafka;

    @BeforeEach
    void connect() {
        simulator = new SimulatorAdmin(simulatorUrl);
        kafka = new KafkaCompanion(SharedKafkaBroker.bootstrapServers());
        kafka.registerSerde(HuntingRowFound.class, Serdes.serdeFrom(new JsonEventSerializer<>(), new io.mderesponse.contracts.serde.HuntingRowFoundDeserializer()));
        kafka.registerSerde(HuntingRowEnriched.class,
                Serdes.serdeFrom(new JsonEventSerializer<>(), new HuntingRowEnrichedDeserializer()));
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void aRowWithADeviceIdBecomesAHuntingRowEnrichedWithItsMachineKeyedByMachineId() {
        String machineId = simulator.addSampleMachine();
        HuntingRowFound row = row(machineId);

        publish(row);

        ConsumerRecord<String, HuntingRowEnriched> enriched = awaitEnriched(row.rowKey());
        assertThat(enriched.key()).isEqualTo(machineId);
        assertThat(TopicReader.header(enriched, CloudEventHeaders.TYPE)).contains("defender.hunting.row-enriched.v1");
        assertThat(enriched.value().machine().id()).isEqualTo(machineId);
        assertThat(enriched.value().row().row()).containsEntry("FileName", "evil.exe");
        assertThat(enriched.value().row().queryId()).isEqualTo("test-query");
    }

    @Test
    void aRowWithoutADeviceIdIsSkippedAndNoMachineIsLookedUp() {
        String machineId = simulator.addSampleMachine();
        HuntingRowFound without = row(null);
        HuntingRowFound with = row(machineId);

        // One key for both: one partition, so once the second is enriched the first has been handled.
        publish(without, machineId);
        publish(with, machineId);
        awaitEnriched(with.rowKey());

        List<ConsumerRecord<String, String>> all = TopicReader.readAll(SharedKafkaBroker.bootstrapServers(),
                HuntingTopicsProfile.ALERTS_ENRICHED, new StringDeserializer(), new StringDeserializer());
        assertThat(all).isNotEmpty().noneMatch(r -> r.value().contains(without.rowKey()));
        assertThat(simulator.calls(CallFilter.path("/api/machines/"))).allSatisfy(call ->
                assertThat(call.path()).matches("/api/machines/[0-9a-f]{40}"));
    }

    @Test
    void anUnreadableRowGoesToTheDeadLetterTopicWithTheReason() {
        String key = "bad-" + TestIds.alertId();
        kafka.produceStrings().fromRecords(new ProducerRecord<>(HuntingTopicsProfile.HUNTING_RESULTS, key,
                "{\"not\":\"a hunting row\"}")).awaitCompletion();

        ConsumerRecord<String, String> dead = kafka.consumeStrings()
                .fromTopics(Topics.dlq(HuntingTopicsProfile.HUNTING_RESULTS, "enrichment-service"),
                        records -> records.select().where(r -> key.equals(r.key())).select().first())
                .awaitCompletion(Duration.ofSeconds(60)).getRecords().get(0);
        assertThat(TopicReader.header(dead, "dead-letter-reason")).isPresent();
        assertThat(dead.value()).contains("a hunting row");
    }

    private static HuntingRowFound row(String deviceId) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("FileName", "evil.exe");
        columns.put("DeviceId", deviceId);
        return HuntingRowFound.of("test-query", Instant.now(), "test-query:" + TestIds.alertId(), deviceId, columns);
    }

    private void publish(HuntingRowFound row) {
        publish(row, row.kafkaKey());
    }

    private void publish(HuntingRowFound row, String key) {
        kafka.produce(String.class, HuntingRowFound.class)
                .fromRecords(new ProducerRecord<>(HuntingTopicsProfile.HUNTING_RESULTS, key, row))
                .awaitCompletion();
    }

    private ConsumerRecord<String, HuntingRowEnriched> awaitEnriched(String rowKey) {
        return kafka.consume(String.class, HuntingRowEnriched.class)
                .fromTopics(HuntingTopicsProfile.ALERTS_ENRICHED, records -> records.select()
                        .where(r -> rowKey.equals(TopicReader.header(r, CloudEventHeaders.CORRELATION_ID)
                                .orElse(null))).select().first())
                .awaitCompletion(Duration.ofSeconds(60)).getRecords().get(0);
    }
}
