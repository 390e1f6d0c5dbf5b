package io.mderesponse.enrichment.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mderesponse.contracts.defender.Severity;
import io.mderesponse.contracts.event.AlertDetected;
import io.mderesponse.contracts.serde.JsonEventSerializer;
import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.enrichment.messaging.NewAlertsConsumer;
import io.mderesponse.testsupport.defender.DefenderSimulatorResource;
import io.mderesponse.testsupport.defender.SampleData;
import io.mderesponse.testsupport.defender.SimulatorAdmin;
import io.mderesponse.testsupport.defender.SimulatorFault;
import io.mderesponse.testsupport.defender.TestIds;
import io.mderesponse.testsupport.kafka.KafkaBrokerResource;
import io.mderesponse.testsupport.kafka.SharedKafkaBroker;
import io.mderesponse.testsupport.metrics.PrometheusScrape;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The metrics operators alert on, read from this service's {@code /q/metrics} before and after injected traffic
 * and faults: per-channel records in, out, failed and dead-lettered, processing time, consumer lag, Defender calls
 * by family and status, and the budget.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(DefenderSimulatorResource.class)
class EnrichmentMetricsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String ALERTS_NEW = Topics.ALERTS_NEW.defaultName();
    private static final Map<String, String> IN = Map.of("channel", NewAlertsConsumer.INCOMING);
    private static final Map<String, String> OUT = Map.of("channel", NewAlertsConsumer.OUTGOING);

    @ConfigProperty(name = "defender.api.base-url")
    String simulatorUrl;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void aPoisonRecordMovesTheFailedAndDeadLetterCountersOfItsChannelByOne() {
        PrometheusScrape before = scrape();
        assertThat(before.find("messaging_records_dead_lettered_total", IN)).singleElement()
                .satisfies(s -> assertThat(s.labels()).containsEntry("topic",
                        Topics.dlq(ALERTS_NEW, "enrichment-service")));

        send(TestIds.alertId(), "{ not an event".getBytes(StandardCharsets.UTF_8), new ByteArraySerializer());

        await().atMost(PATIENCE).untilAsserted(() -> {
            PrometheusScrape after = scrape();
            assertThat(after.delta(before, "messaging_records_in_total", IN)).isEqualTo(1.0);
            assertThat(after.delta(before, "messaging_records_failed_total", IN)).isEqualTo(1.0);
            assertThat(after.delta(before, "messaging_records_dead_lettered_total", IN)).isEqualTo(1.0);
            assertThat(after.delta(before, "messaging_record_processing_seconds_count",
                    Map.of("channel", NewAlertsConsumer.INCOMING, "outcome", "nack"))).isEqualTo(1.0);
            assertThat(after.delta(before, "messaging_records_out_total", OUT)).isZero();
        });
    }

    @Test
    void aThrottledAlertCountsOne429AndOneSuccessPausesTheFamilyAndSpendsItsBudget() {
        SimulatorAdmin simulator = new SimulatorAdmin(simulatorUrl);
        String machineId = TestIds.machineId();
        String alertId = TestIds.alertId();
        simulator.addMachine(SampleData.machine(machineId, "ws-metrics.contoso.com"));
        simulator.addAlert(SampleData.alert(alertId, "High", machineId));
        // One 429 (Retry-After 3 s) for this alert only; the fault is used up by that call.
        simulator.addFault(SimulatorFault.rateLimit(alertId, 3, 1));
        Map<String, String> alerts429 = Map.of("family", "alerts", "status", "429");
        Map<String, String> alerts2xx = Map.of("family", "alerts", "status", "2xx");
        Map<String, String> alertsPerHour = Map.of("family", "alerts", "span", "hour");
        PrometheusScrape before = scrape();
        double budgetBefore = before.value("defender_budget_available", alertsPerHour);

        send(alertId, AlertDetected.of(alertId, machineId, Severity.High, "metrics", Instant.now(), Instant.now(),
                null), new JsonEventSerializer<>());

        // While the 429's Retry-After runs, the family is paused.
        PrometheusScrape throttled = await().atMost(PATIENCE).until(this::scrape,
                s -> s.delta(before, "defender_calls_total", alerts429) >= 1);
        assertThat(throttled.value("defender_budget_paused_seconds", Map.of("family", "alerts")))
                .isGreaterThan(0.0);

        await().atMost(PATIENCE).untilAsserted(() -> {
            PrometheusScrape after = scrape();
            assertThat(after.delta(before, "defender_calls_total", alerts429)).isEqualTo(1.0);
            assertThat(after.delta(before, "defender_calls_total", alerts2xx)).isEqualTo(1.0);
            assertThat(after.delta(before, "messaging_records_out_total", OUT)).isEqualTo(1.0);
            assertThat(after.delta(before, "messaging_record_processing_seconds_count",
                    Map.of("channel", NewAlertsConsumer.INCOMING, "outcome", "ack"))).isEqualTo(1.0);
            assertThat(after.delta(before, "enrichment_alerts_total",
                    Map.of("outcome", "enriched", "severity", "High"))).isEqualTo(1.0);
            // Both alert calls (the throttled one too) came out of the family's hourly budget.
            assertThat(budgetBefore - after.value("defender_budget_available", alertsPerHour))
                    .isGreaterThanOrEqualTo(2.0);
            assertThat(after.value("defender_budget_paused_seconds", Map.of("family", "alerts"))).isZero();
        });
    }

    @Test
    void theConsumerLagOfEveryIncomingChannelIsExposed() {
        // Kafka's own consumer metric, bound by Quarkus' Kafka binder (quarkus.micrometer.binder.kafka.enabled).
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(scrape()
                .find("kafka_consumer_fetch_manager_records_lag_max", Map.of()))
                .anySatisfy(s -> assertThat(s.labels().get("client_id")).contains(NewAlertsConsumer.INCOMING))
                .allSatisfy(s -> assertThat(s.value()).satisfiesAnyOf(v -> assertThat(v).isNaN(),
                        v -> assertThat(v).isGreaterThanOrEqualTo(0.0))));
    }

    private PrometheusScrape scrape() {
        return PrometheusScrape.at(metrics);
    }

    private static <T> void send(String key, T value, Serializer<T> serializer) {
        try (KafkaProducer<String, T> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers()),
                new StringSerializer(), serializer)) {
            producer.send(new ProducerRecord<>(ALERTS_NEW, key, value));
        }
    }
}
