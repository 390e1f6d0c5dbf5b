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
    void theWatermarkIsKeptInTheCompactedStateTopic() {
        String alertId = TestIds.alertId();
        simulator.addAlert(SampleData.alert(alertId, "High", null));
        await().atMost(Duration.ofSeconds(60)).until(() -> eventsFor(alertId).size() == 1);

        List<ConsumerRecord<String, String>> state = TopicReader.readAll(SharedKafkaBroker.bootstrapServers(),
                Topics.POLLER_STATE.defaultName(), new StringDeserializer(), new StringDeserializer());

        assertThat(state).anySatisfy(record -> assertThat(record.key()).isEqualTo("watermark"));
        assertThat(state).anySatisfy(record -> assertThat(record.key()).isEqualTo("alert:" + alertId));
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
