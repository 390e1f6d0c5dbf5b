package io.mderesponse.poller.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mderesponse.contracts.defender.Severity;
import io.mderesponse.contracts.event.AlertDetected;
import io.mderesponse.contracts.event.AlertNewEvent;
import io.mderesponse.contracts.event.AlertSeverityRaised;
import io.mderesponse.contracts.serde.AlertNewEventDeserializer;
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
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(DefenderSimulatorResource.class)
class AlertPollerKafkaTest {

    @ConfigProperty(name = "defender.api.base-url")
    String simulatorUrl;
    SimulatorAdmin simulator;

    @BeforeEach
    void connectToSimulator() {
        simulator = new SimulatorAdmin(simulatorUrl);
    }

    @Test
    void eachNewAlertIsPublishedOnceKeyedByAlertIdAcrossManyPolls() {
        String machineId = TestIds.machineId();
        String high = TestIds.alertId();
        String medium = TestIds.alertId();
        simulator.addAlert(SampleData.alert(high, "High", machineId));
        simulator.addAlert(SampleData.alert(medium, "Medium", null));

        await().atMost(Duration.ofSeconds(60)).until(() -> eventsFor(high).size() == 1 && eventsFor(medium).size() == 1);
        int pollsSoFar = alertListCalls();
        // Several more polls see both alerts again inside the overlap window: nothing is published twice.
        await().atMost(Duration.ofSeconds(60)).until(() -> alertListCalls() >= pollsSoFar + 3);

        List<ConsumerRecord<String, AlertNewEvent>> highEvents = eventsFor(high);
        assertThat(highEvents).hasSize(1);
        assertThat(highEvents.get(0).key()).isEqualTo(high);
        assertThat(highEvents.get(0).value()).isInstanceOf(AlertDetected.class);
        assertThat(highEvents.get(0).value().severity()).isEqualTo(Severity.High);
        assertThat(eventsFor(medium)).hasSize(1);
    }

    @Test
    void anAlertWhoseSeverityRisesAfterItWasPublishedIsPublishedAgainAsRaised() {
        String alertId = TestIds.alertId();
        simulator.addAlert(SampleData.alert(alertId, "Low", null));
        await().atMost(Duration.ofSeconds(60)).until(() -> eventsFor(alertId).size() == 1);

        simulator.updateAlert(alertId, Map.of("severity", "High"));

        await().atMost(Duration.ofSeconds(60)).until(() -> eventsFor(alertId).size() == 2);
        AlertNewEvent raised = eventsFor(alertId).get(1).value();
        assertThat(raised).isInstanceOf(AlertSeverityRaised.class);
        assertThat(((AlertSeverityRaised) raised).previousSeverity()).isEqualTo(Severity.Low);
        assertThat(raised.severity()).isEqualTo(Severity.High);
    }

    @Test
    void theListIsAskedForEvidenceAndTheEventCarriesTheListedAlertWithIt() {
        String machineId = TestIds.machineId();
        String alertId = TestIds.alertId();
        simulator.addAlert(SampleData.alert(alertId, "High", machineId));

        await().atMost(Duration.ofSeconds(60)).until(() -> eventsFor(alertId).size() == 1);

        AlertNewEvent event = eventsFor(alertId).get(0).value();
        assertThat(event.alert()).isNotNull();
        assertThat(event.alert().id()).isEqualTo(alertId);
        assertThat(event.alert().machineId()).isEqualTo(machineId);
        assertThat(event.alert().evidence()).singleElement().extracting("fileName").isEqualTo("rundll32.exe");
        assertThat(simulator.calls(CallFilter.path("/api/alerts").method("GET")))
                .allSatisfy(call -> assertThat(call.query().replace("%24", "$")).contains("$expand=evidence"));
    }

    @Test
    void anAlertAboveTheSnapshotLimitIsPublishedWithoutItAndCounted() throws Exception {
        String alertId = TestIds.alertId();
        Map<String, Object> alert = SampleData.alert(alertId, "High", null);
        // About 200 bytes per piece of evidence: far above the default poller.snapshot-max-bytes of 64 KiB.
        alert.put("evidence", java.util.stream.IntStream.range(0, 600).mapToObj(i -> Map.of("entityType", "File",
                "fileName", "payload-" + i + ".dll", "filePath", "C:\\Users\\Public\\Downloads\\" + i))
                .toList());
        simulator.addAlert(alert);

        await().atMost(Duration.ofSeconds(60)).until(() -> eventsFor(alertId).size() == 1);

        AlertNewEvent event = eventsFor(alertId).get(0).value();
        assertThat(event.alert()).isNull();
        assertThat(event.severity()).isEqualTo(Severity.High);
        assertThat(get(metrics)).containsPattern("alert_poller_snapshots_left_out_total [1-9]");
    }

    @Test
    void theWatermarkIsKeptInTheCompactedStateTopic() {
        String alertId = TestIds.alertId();
        simulator.addAlert(SampleData.alert(alertId, "High", null));
        await().atMost(Duration.ofSeconds(60)).until(() -> eventsFor(alertId).size() == 1);

        List<ConsumerRecord<String, String>> state = TopicReader.readAll(SharedKafkaBroker.bootstrapServers(),
                Topics.POLLER_STATE.defaultName(), new StringDeserializer(), new StringDeserializer());

        assertThat(state).anySatisfy(record -> assertThat(record.key()).isEqualTo("watermark"));
        assertThat(state).anySatisfy(record -> assertThat(record.key()).isEqualTo("alert:" + alertId));
    }

    @Test
    void theActiveReplicaReportsItsRoleAndProgressInHealthAndMetrics() throws Exception {
        String alertId = TestIds.alertId();
        simulator.addAlert(SampleData.alert(alertId, "Medium", null));
        await().atMost(Duration.ofSeconds(60)).until(() -> eventsFor(alertId).size() == 1);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String ready = get(readiness);
            assertThat(ready).contains("\"role\":\"active\"").contains("watermarkLagSeconds");
            String prometheus = get(metrics);
            assertThat(prometheus).contains("alert_poller_alerts_published_total{type=\"AlertDetected\"}")
                    .contains("alert_poller_duplicates_suppressed_total")
                    .contains("alert_poller_polls_total{outcome=\"success\"}")
                    .contains("alert_poller_poll_duration_seconds_count")
                    .contains("alert_poller_watermark_lag_seconds")
                    // Gauges are only checked by name: Quarkus test apps of one JVM share the meter registry.
                    .contains("alert_poller_active ");
        });
        assertThat(get(liveness)).contains("alert-poller-loop").contains("\"status\":\"UP\"");
    }

    @Test
    void aFencedProducerIsReplacedAndTheStateReadAgainSoNothingIsPublishedTwice() throws Exception {
        String before = TestIds.alertId();
        simulator.addAlert(SampleData.alert(before, "High", null));
        await().atMost(Duration.ofSeconds(60)).until(() -> eventsFor(before).size() == 1);

        // Another producer with the poller's transactional id, as a new leader would create: the running one is fenced.
        new TransactionalPublisher(Map.of("bootstrap.servers", SharedKafkaBroker.bootstrapServers()),
                Topics.ALERTS_NEW.defaultName(), Topics.ALERT_POLLER_DLQ.defaultName(),
                new io.mderesponse.poller.state.PollerStateStore(Topics.POLLER_STATE.defaultName())).close();
        String after = TestIds.alertId();
        simulator.addAlert(SampleData.alert(after, "High", null));

        await().atMost(Duration.ofSeconds(60)).until(() -> eventsFor(after).size() == 1);
        assertThat(get(metrics)).containsPattern("alert_poller_producer_resets_total [1-9]");
        int polls = alertListCalls();
        await().atMost(Duration.ofSeconds(60)).until(() -> alertListCalls() >= polls + 3);
        assertThat(eventsFor(before)).hasSize(1);
        assertThat(eventsFor(after)).hasSize(1);
    }

    @TestHTTPResource(value = "/health/ready", management = true)
    URI readiness;
    @TestHTTPResource(value = "/health/live", management = true)
    URI liveness;
    @TestHTTPResource(value = "/metrics", management = true)
    URI metrics;

    private static String get(URI uri) throws Exception {
        // Health answers are pretty-printed: compare without whitespace.
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return uri.getPath().contains("health") ? body.replaceAll("\\s", "") : body;
    }

    private List<ConsumerRecord<String, AlertNewEvent>> eventsFor(String alertId) {
        return TopicReader.readAll(SharedKafkaBroker.bootstrapServers(), Topics.ALERTS_NEW.defaultName(),
                        new StringDeserializer(), new AlertNewEventDeserializer())
                .stream().filter(record -> alertId.equals(record.key())).toList();
    }

    private int alertListCalls() {
        return simulator.calls(CallFilter.path("/api/alerts").method("GET")).size();
    }
}
