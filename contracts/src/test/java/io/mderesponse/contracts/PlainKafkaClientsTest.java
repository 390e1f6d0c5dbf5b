package io.mderesponse.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.contracts.defender.Severity;
import io.mderesponse.contracts.event.AlertDetected;
import io.mderesponse.contracts.event.AlertSeverityRaised;
import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.Event;
import io.mderesponse.contracts.event.EventType;
import io.mderesponse.contracts.serde.CloudEventHeaders;
import io.mderesponse.testsupport.kafka.BootstrapServers;
import io.mderesponse.testsupport.kafka.KafkaBrokerExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A downstream consumer's view: plain kafka-clients against a real broker, configured only with the class names
 * of the contracts' serialisers (as strings, the way a properties file names them).
 */
@ExtendWith(KafkaBrokerExtension.class)
class PlainKafkaClientsTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Test
    void aDecisionWrittenByThePlainProducerIsReadBackEqualWithItsCloudEventsHeaders(
            @BootstrapServers String bootstrapServers) throws Exception {
        String topic = uniqueTopic(bootstrapServers);
        DecisionMade decision = (DecisionMade) Samples.full(EventType.DECISION_MADE);

        try (KafkaProducer<String, Event> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", bootstrapServers,
                "key.serializer", "org.apache.kafka.common.serialization.StringSerializer",
                "value.serializer", "io.mderesponse.contracts.serde.JsonEventSerializer",
                "cloudevents.source", "decision-service"))) {
            producer.send(new ProducerRecord<>(topic, decision.kafkaKey(), decision)).get();
        }

        List<ConsumerRecord<String, Object>> records = consume(bootstrapServers, topic,
                "io.mderesponse.contracts.serde.DecisionMadeDeserializer", 1);

        ConsumerRecord<String, Object> record = records.get(0);
        assertThat(record.value()).isEqualTo(decision);
        assertThat(record.key()).isEqualTo(Samples.MACHINE_ID);
        assertThat(header(record, CloudEventHeaders.ID)).isEqualTo(decision.eventId().toString());
        assertThat(header(record, CloudEventHeaders.TYPE)).isEqualTo("defender.decision.made.v1");
        assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("decision-service");
        assertThat(header(record, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(record, CloudEventHeaders.TIME)).isEqualTo(decision.occurredAt().toString());
        assertThat(header(record, CloudEventHeaders.CORRELATION_ID)).isEqualTo(decision.correlationId());
    }

    @Test
    void bothEventsOfTheNewAlertsTopicAreReadInOrderFromATransactionByTheDispatchingDeserializer(
            @BootstrapServers String bootstrapServers) throws Exception {
        String topic = uniqueTopic(bootstrapServers);
        AlertDetected detected = AlertDetected.of(Samples.ALERT_ID, Samples.MACHINE_ID, Severity.Medium, "t",
                Instant.parse("2024-05-01T10:00:00Z"), Instant.parse("2024-05-01T10:00:00Z"), null);
        AlertSeverityRaised raised = AlertSeverityRaised.of(Samples.ALERT_ID, Samples.MACHINE_ID, Severity.High,
                "t", detected.alertCreationTime(), Instant.parse("2024-05-01T10:05:00Z"), null, Severity.Medium);

        // Transactional, as the poller publishes: read_committed must see both once the transaction commits.
        try (KafkaProducer<String, Event> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", bootstrapServers,
                "key.serializer", "org.apache.kafka.common.serialization.StringSerializer",
                "value.serializer", "io.mderesponse.contracts.serde.JsonEventSerializer",
                "transactional.id", topic))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, detected.kafkaKey(), detected));
            producer.send(new ProducerRecord<>(topic, raised.kafkaKey(), raised));
            producer.commitTransaction();
        }

        List<ConsumerRecord<String, Object>> records = consume(bootstrapServers, topic,
                "io.mderesponse.contracts.serde.AlertNewEventDeserializer", 2);

        assertThat(records).extracting(ConsumerRecord::value).containsExactly(detected, raised);
        assertThat(records).extracting(record -> header(record, CloudEventHeaders.TYPE))
                .containsExactly("defender.alert.detected.v1", "defender.alert.severity-raised.v1");
        assertThat(records).extracting(record -> header(record, CloudEventHeaders.SOURCE))
                .containsOnly("mde-response");
    }

    /** A fresh topic per test: the broker is shared by every test of the build. */
    private static String uniqueTopic(String bootstrapServers) throws Exception {
        String topic = "contracts-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        return topic;
    }

    /** Polls until {@code expected} records arrived or the deadline passed; returns what arrived. */
    private static List<ConsumerRecord<String, Object>> consume(String bootstrapServers, String topic,
            String valueDeserializer, int expected) {
        List<ConsumerRecord<String, Object>> records = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", bootstrapServers,
                "group.id", topic,
                "auto.offset.reset", "earliest",
                "isolation.level", "read_committed",
                "key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
                "value.deserializer", valueDeserializer))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(250)).forEach(records::add);
            }
        }
        assertThat(records).as("records consumed from %s within %s", topic, DEADLINE).hasSize(expected);
        return records;
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return CloudEventHeaders.read(record.headers(), name).orElse(null);
    }
}
