package io.mderesponse.enrichment.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.contracts.defender.DefenderAlert;
import io.mderesponse.contracts.defender.LoggedOnUser;
import io.mderesponse.contracts.defender.Severity;
import io.mderesponse.contracts.event.AlertDetected;
import io.mderesponse.contracts.event.AlertEnriched;
import io.mderesponse.contracts.event.AlertNewEvent;
import io.mderesponse.contracts.serde.AlertEnrichedDeserializer;
import io.mderesponse.contracts.serde.AlertNewEventDeserializer;
import io.mderesponse.contracts.serde.CloudEventHeaders;
import io.mderesponse.contracts.serde.JsonEventSerializer;
import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.defender.client.DefenderClient;
import io.mderesponse.defender.client.query.AlertField;
import io.mderesponse.defender.client.query.AlertQuery;
import io.mderesponse.defender.client.query.Comparison;
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
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The alert snapshot the poller's list puts in the event, against the running simulator and a real broker, with
 * the default {@code enrichment.read-full-alert=when-missing}: the simulator's call log shows which events cost a
 * {@code GET /api/alerts/{id}}.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(DefenderSimulatorResource.class)
class AlertSnapshotKafkaTest {

    @ConfigProperty(name = "defender.api.base-url")
    String simulatorUrl;
    @Inject
    DefenderClient defender;
    SimulatorAdmin simulator;
    KafkaCompanion kafka;

    @BeforeEach
    void connect() {
        simulator = new SimulatorAdmin(simulatorUrl);
        kafka = companion();
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void anEventWithASnapshotCostsNoAlertReadAndIsEnrichedAsTheSingleReadWouldForTheListsFields() {
        String machineId = TestIds.machineId();
        String alertId = TestIds.alertId();
        simulator.addMachine(SampleData.machine(machineId, "ws-snap.contoso.com"));
        simulator.addAlert(alertWithExtras(alertId, "High", machineId));
        DefenderAlert listed = listed(defender, alertId);

        publish(kafka, AlertDetected.from(listed));

        AlertEnriched enriched = awaitEnriched(kafka, alertId).value();
        assertThat(simulator.calls(CallFilter.path("/api/alerts/" + alertId))).isEmpty();
        assertThat(simulator.calls(CallFilter.path("/api/machines/" + machineId))).hasSize(1);
        assertThat(enriched.alert()).isEqualTo(listed);
        assertThat(enriched.alert().evidence()).singleElement().extracting("fileName").isEqualTo("rundll32.exe");
        assertThat(enriched.machine().computerDnsName()).isEqualTo("ws-snap.contoso.com");
        // What the single read returns, field for field, except the two fields only it has.
        DefenderAlert single = defender.getAlert(alertId);
        assertThat(enriched.alert()).usingRecursiveComparison().ignoringFields("loggedOnUsers", "domains")
                .isEqualTo(single);
        assertThat(single.loggedOnUsers()).isNotEmpty();
        assertThat(enriched.alert().loggedOnUsers()).isEmpty();
    }

    @Test
    void anEventWithoutASnapshotAsAnOldOrRedrivenRecordCostsOneAlertRead() {
        String machineId = TestIds.machineId();
        String alertId = TestIds.alertId();
        simulator.addMachine(SampleData.machine(machineId, "ws-old.contoso.com"));
        simulator.addAlert(alertWithExtras(alertId, "High", machineId));

        publish(kafka, AlertDetected.of(alertId, machineId, Severity.High, "old record", Instant.now(), Instant.now(),
                null));

        AlertEnriched enriched = awaitEnriched(kafka, alertId).value();
        assertThat(simulator.calls(CallFilter.path("/api/alerts/" + alertId))).hasSize(1);
        assertThat(enriched.alert().evidence()).isNotEmpty();
        assertThat(enriched.alert().loggedOnUsers()).containsExactly(new LoggedOnUser("temp123", "DOMAIN"));
    }

    /** An alert whose single read has the live-only extras the list leaves out. */
    static Map<String, Object> alertWithExtras(String alertId, String severity, String machineId) {
        Map<String, Object> alert = SampleData.alert(alertId, severity, machineId);
        alert.put("loggedOnUsers", List.of(Map.of("accountName", "temp123", "domainName", "DOMAIN")));
        alert.put("domains", List.of("contoso.com"));
        return alert;
    }

    /** The alert as the poller's list returns it ({@code $expand=evidence}). */
    static DefenderAlert listed(DefenderClient defender, String alertId) {
        List<DefenderAlert> page = defender.listAlerts(AlertQuery.builder()
                .where(AlertField.ID, Comparison.EQ, alertId).top(1).expandEvidence().build());
        assertThat(page).hasSize(1);
        return page.get(0);
    }

    static KafkaCompanion companion() {
        KafkaCompanion kafka = new KafkaCompanion(SharedKafkaBroker.bootstrapServers());
        kafka.registerSerde(AlertNewEvent.class,
                Serdes.serdeFrom(new JsonEventSerializer<>(), new AlertNewEventDeserializer()));
        kafka.registerSerde(AlertEnriched.class,
                Serdes.serdeFrom(new JsonEventSerializer<>(), new AlertEnrichedDeserializer()));
        return kafka;
    }

    static void publish(KafkaCompanion kafka, AlertNewEvent event) {
        kafka.produce(String.class, AlertNewEvent.class)
                .fromRecords(new ProducerRecord<>(Topics.ALERTS_NEW.defaultName(), event.alertId(), event))
                .awaitCompletion();
    }

    static ConsumerRecord<String, AlertEnriched> awaitEnriched(KafkaCompanion kafka, String alertId) {
        return kafka.consume(String.class, AlertEnriched.class)
                .fromTopics(Topics.ALERTS_ENRICHED.defaultName(), records -> records.select()
                        .where(r -> alertId.equals(TopicReader.header(r, CloudEventHeaders.CORRELATION_ID)
                                .orElse(null))).select().first())
                .awaitCompletion(Duration.ofSeconds(60)).getRecords().get(0);
    }
}
