package io.mderesponse.enrichment.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mderesponse.contracts.defender.Severity;
import io.mderesponse.contracts.event.AlertDetected;
import io.mderesponse.contracts.serde.CloudEventHeaders;
import io.mderesponse.contracts.serde.JsonEventSerializer;
import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.testsupport.defender.CallFilter;
import io.mderesponse.testsupport.defender.DefenderSimulatorResource;
import io.mderesponse.testsupport.defender.SampleData;
import io.mderesponse.testsupport.defender.SimulatorAdmin;
import io.mderesponse.testsupport.defender.SimulatorCall;
import io.mderesponse.testsupport.defender.TestIds;
import io.mderesponse.testsupport.kafka.KafkaBrokerResource;
import io.mderesponse.testsupport.kafka.SharedKafkaBroker;
import io.mderesponse.testsupport.kafka.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * When the budget is short, Low and Informational alerts are deferred to a Kafka topic instead of holding up
 * High ones, and are enriched later: none is lost, and High alerts are never deferred.
 */
@QuarkusTest
@TestProfile(TightBudgetProfile.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(DefenderSimulatorResource.class)
class DeferralTest {

    @ConfigProperty(name = "defender.api.base-url")
    String simulatorUrl;

    @Inject
    MeterRegistry registry;

    @Test
    void lowAlertsAreDeferredWhenTheBudgetIsShortAndEnrichedLaterWhileHighOnesAreNot() {
        SimulatorAdmin simulator = new SimulatorAdmin(simulatorUrl);
        String bootstrap = SharedKafkaBroker.bootstrapServers();
        String machineId = TestIds.machineId();
        simulator.addMachine(SampleData.machine(machineId, "ws-storm.contoso.com"));
        List<String> low = new ArrayList<>();
        List<String> high = new ArrayList<>();
        try (KafkaProducer<String, AlertDetected> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(),
                new JsonEventSerializer<>())) {
            for (int i = 0; i < 10; i++) {
                Severity severity = i % 5 == 4 ? Severity.High : (i % 2 == 0 ? Severity.Low : Severity.Informational);
                String alertId = TestIds.alertId();
                (severity == Severity.High ? high : low).add(alertId);
                simulator.addAlert(SampleData.alert(alertId, severity.name(), machineId));
                producer.send(new ProducerRecord<>(Topics.ALERTS_NEW.defaultName(), alertId, AlertDetected.of(alertId,
                        machineId, severity, "storm", Instant.now(), Instant.now(), null)));
            }
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> enrichedIds(bootstrap).containsAll(low)
                && enrichedIds(bootstrap).containsAll(high));

        Set<String> deferred = TopicReader.readAll(bootstrap, Topics.ENRICHMENT_DEFERRALS.defaultName(),
                new StringDeserializer(), new StringDeserializer()).stream()
                .peek(r -> assertThat(TopicReader.header(r, Deferrals.REASON_HEADER)).isPresent())
                .map(r -> r.key()).collect(Collectors.toSet());
        assertThat(deferred).as("some low alerts waited").containsAnyElementsOf(low).doesNotContainAnyElementsOf(high);
        for (String alertId : low) {
            assertThat(simulator.calls(CallFilter.path("/api/alerts/" + alertId))).as("read once")
                    .extracting(SimulatorCall::status).containsExactly(200);
        }
        assertThat(registry.get("enrichment.alerts").tags("outcome", "deferred").counters().stream()
                .mapToDouble(c -> c.count()).sum()).isPositive();
        assertThat(registry.get("enrichment.defender.calls.per.alert").summary().count()).isGreaterThanOrEqualTo(10);
    }

    private static Set<String> enrichedIds(String bootstrap) {
        return TopicReader.readAll(bootstrap, Topics.ALERTS_ENRICHED.defaultName(), new StringDeserializer(),
                new StringDeserializer()).stream()
                .map(r -> TopicReader.header(r, CloudEventHeaders.CORRELATION_ID).orElse(""))
                .collect(Collectors.toSet());
    }
}
