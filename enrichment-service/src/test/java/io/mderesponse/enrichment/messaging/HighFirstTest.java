package io.mderesponse.enrichment.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mderesponse.contracts.defender.Severity;
import io.mderesponse.contracts.event.AlertDetected;
import io.mderesponse.contracts.serde.CloudEventHeaders;
import io.mderesponse.contracts.serde.JsonEventSerializer;
import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.testsupport.defender.DefenderSimulatorResource;
import io.mderesponse.testsupport.defender.SampleData;
import io.mderesponse.testsupport.defender.SimulatorAdmin;
import io.mderesponse.testsupport.defender.TestIds;
import io.mderesponse.testsupport.kafka.KafkaBrokerResource;
import io.mderesponse.testsupport.kafka.SharedKafkaBroker;
import io.mderesponse.testsupport.kafka.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * More work than budget: High alerts that arrive while Medium ones already wait for budget on the channel's workers
 * are still enriched in the first rate-limit window, because they find the worker kept for them and may use the
 * reserve that Medium alerts leave them; the Medium alerts wait for the next window, none is lost. (Without the
 * kept worker, the waiting Medium alerts hold every worker until the next window, and the High ones come after them.)
 */
@QuarkusTest
@TestProfile(HighFirstTest.ShortMachineBudget.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(DefenderSimulatorResource.class)
class HighFirstTest {

    private static final int MEDIUM = 6;
    private static final int HIGH = 3;

    /**
     * 6 machine reads per 6-second window, half of them reserved for High alerts; three workers, one kept for High
     * alerts. The Medium alerts beyond the first window's three then wait for budget on the two other workers. The
     * window is long enough for the test to send the High alerts within it on a slow machine.
     */
    public static class ShortMachineBudget implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "defender.budget.window", "6s",
                    "defender.budget.machines.per-minute", "6",
                    "defender.budget.machines.per-hour", "1000",
                    "defender.budget.alerts.per-minute", "1000",
                    "defender.budget.alerts.per-hour", "60000",
                    "defender.budget.high-priority-reserve", "0.5",
                    "processing.workers", "3",
                    "processing.urgent-workers", "1");
        }
    }

    @ConfigProperty(name = "defender.api.base-url")
    String simulatorUrl;

    @Test
    void highAlertsReadAfterMediumOnesAreEnrichedWithinTheFirstWindowAndTheMediumOnesLater() {
        SimulatorAdmin simulator = new SimulatorAdmin(simulatorUrl);
        String bootstrap = SharedKafkaBroker.bootstrapServers();
        List<String> medium = new ArrayList<>();
        List<String> high = new ArrayList<>();
        List<AlertDetected> mediumEvents = new ArrayList<>();
        List<AlertDetected> highEvents = new ArrayList<>();
        for (int i = 0; i < MEDIUM + HIGH; i++) {
            Severity severity = i < MEDIUM ? Severity.Medium : Severity.High;
            String machineId = TestIds.machineId();
            String alertId = TestIds.alertId();
            simulator.addMachine(SampleData.machine(machineId, "ws-" + i + ".contoso.com"));
            simulator.addAlert(SampleData.alert(alertId, severity.name(), machineId));
            (severity == Severity.High ? high : medium).add(alertId);
            (severity == Severity.High ? highEvents : mediumEvents).add(AlertDetected.of(alertId, machineId, severity,
                    "storm", Instant.now(), Instant.now(), null));
        }
        try (KafkaProducer<String, AlertDetected> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(),
                new JsonEventSerializer<>())) {
            // The Medium alerts first; once they have spent their share of the window (and the next ones wait for
            // budget on their workers), the High ones: a storm whose High alerts come on a later page.
            send(producer, mediumEvents);
            await().atMost(Duration.ofSeconds(30)).until(() -> medium.stream()
                    .filter(enrichedAt(bootstrap)::containsKey).count() == 3);
            send(producer, highEvents);
        }

        await().atMost(Duration.ofSeconds(90)).until(() -> enrichedAt(bootstrap).keySet().containsAll(medium)
                && enrichedAt(bootstrap).keySet().containsAll(high));

        Map<String, Long> enrichedAt = enrichedAt(bootstrap);
        long lastHigh = high.stream().mapToLong(enrichedAt::get).max().orElseThrow();
        List<Long> mediumTimes = medium.stream().map(enrichedAt::get).sorted().toList();
        // The first window has 6 machine reads: at most 3 for Medium alerts, at least 3 kept for the High ones.
        assertThat(mediumTimes.stream().filter(time -> time <= lastHigh).count())
                .as("Medium alerts enriched before the last High one").isLessThanOrEqualTo(3);
        assertThat(mediumTimes.get(MEDIUM - 1) - lastHigh).as("the last Medium waited for a later window, ms")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(2).toMillis());
    }

    private static void send(KafkaProducer<String, AlertDetected> producer, List<AlertDetected> events) {
        events.forEach(event -> producer.send(new ProducerRecord<>(Topics.ALERTS_NEW.defaultName(), event.alertId(),
                event)));
        producer.flush();
    }

    /** Record timestamp (ms) of each alert's enriched record, by alert id. */
    private static Map<String, Long> enrichedAt(String bootstrap) {
        return TopicReader.readAll(bootstrap, Topics.ALERTS_ENRICHED.defaultName(), new StringDeserializer(),
                        new StringDeserializer()).stream()
                .collect(Collectors.toMap(
                        r -> TopicReader.header(r, CloudEventHeaders.CORRELATION_ID).orElse(""),
                        ConsumerRecord::timestamp, Math::min));
    }
}
