package io.mderesponse.decision.service.guard;

import io.mderesponse.contracts.defender.DefenderMachine;
import io.mderesponse.contracts.event.AlertEnriched;
import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.FinalStatus;
import io.mderesponse.contracts.event.MachineActionCompleted;
import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.contracts.event.ResponseActionCompleted;
import io.mderesponse.contracts.event.ResponseActionRequested;
import io.mderesponse.contracts.serde.CloudEventHeaders;
import io.mderesponse.contracts.serde.DecisionMadeDeserializer;
import io.mderesponse.contracts.serde.EventJson;
import io.mderesponse.contracts.serde.JsonEventSerializer;
import io.mderesponse.contracts.serde.MachineActionRequestedDeserializer;
import io.mderesponse.contracts.serde.ResponseActionRequestedDeserializer;
import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.decision.Samples;
import io.mderesponse.decision.state.MachineGuard;
import io.mderesponse.testsupport.kafka.SharedKafkaBroker;
import io.mderesponse.testsupport.kafka.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/** Producing enriched alerts and action results, and finding decisions and requests of every kind, for guard tests. */
final class GuardTestKafka {

    static final String RULE = "isolate-high";

    private GuardTestKafka() {
    }

    static AlertEnriched highAlert(String machineId, Map<String, Object> machineChanges) {
        DefenderMachine machine = Samples.machineWith(machineId, machineChanges);
        return AlertEnriched.of(Samples.alert(Samples.uniqueAlertId(), "High", machineId), machine);
    }

    static AlertEnriched send(AlertEnriched event) {
        produce(Topics.ALERTS_ENRICHED.defaultName(), event.kafkaKey(), event);
        return event;
    }

    static void sendResult(MachineActionRequested request, FinalStatus status) {
        MachineActionCompleted result = MachineActionCompleted.of(request, "ma-" + UUID.randomUUID(), status,
                status.succeeded() ? null : "test", Instant.now(), Instant.now());
        produce(Topics.ACTIONS_RESULTS.defaultName(), result.kafkaKey(), result);
    }

    static DecisionMade decisionFor(String correlationId, Predicate<DecisionMade> which) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> decisions().stream().map(ConsumerRecord::value)
                        .filter(d -> correlationId.equals(d.correlationId()) && which.test(d)).findFirst(),
                        Optional::isPresent).get();
    }

    static MachineActionRequested requestFor(UUID decisionId) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> requests().stream().filter(r -> decisionId.equals(r.decisionId())).findFirst(),
                        Optional::isPresent).get();
    }

    static void sendResult(ResponseActionRequested request, FinalStatus status) {
        ResponseActionCompleted result = ResponseActionCompleted.of(request, "ma-" + UUID.randomUUID(), status,
                status.succeeded() ? null : "test", Instant.now(), Instant.now());
        produce(Topics.RESPONSE_ACTIONS_RESULTS.defaultName(), result.kafkaKey(), result);
    }

    /** The requests of actions other than isolation for {@code decisionId}, in their partition's order. */
    static List<ConsumerRecord<String, ResponseActionRequested>> responseRequestsFor(UUID decisionId, int expected) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> TopicReader.readAll(SharedKafkaBroker.bootstrapServers(),
                        Topics.RESPONSE_ACTIONS_REQUESTED.defaultName(), new StringDeserializer(),
                        new ResponseActionRequestedDeserializer()).stream()
                        .filter(r -> decisionId.equals(r.value().decisionId()))
                        .sorted(Comparator.comparingLong(ConsumerRecord::offset)).toList(),
                        found -> found.size() >= expected);
    }

    /** The request record (with its timestamp) of an isolation request. */
    static ConsumerRecord<String, MachineActionRequested> requestRecordFor(UUID decisionId) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> TopicReader.readAll(SharedKafkaBroker.bootstrapServers(),
                        Topics.ACTIONS_REQUESTED.defaultName(), new StringDeserializer(),
                        new MachineActionRequestedDeserializer()).stream()
                        .filter(r -> decisionId.equals(r.value().decisionId())).findFirst(),
                        Optional::isPresent).get();
    }

    static List<MachineActionRequested> requests() {
        return TopicReader.readAll(SharedKafkaBroker.bootstrapServers(), Topics.ACTIONS_REQUESTED.defaultName(),
                new StringDeserializer(), new MachineActionRequestedDeserializer()).stream()
                .map(ConsumerRecord::value).toList();
    }

    /** The machine's last window state as written to the guards topic. */
    static Optional<MachineGuard> guardOf(String topic, String machineId) {
        return TopicReader.readAll(SharedKafkaBroker.bootstrapServers(), topic, new StringDeserializer(),
                new StringDeserializer()).stream().filter(r -> machineId.equals(r.key()))
                .reduce((first, second) -> second)
                .map(r -> EventJson.fromJson(r.value(), MachineGuard.class));
    }

    private static List<ConsumerRecord<String, DecisionMade>> decisions() {
        return TopicReader.readAll(SharedKafkaBroker.bootstrapServers(), Topics.DECISIONS.defaultName(),
                new StringDeserializer(), new DecisionMadeDeserializer());
    }

    private static <T extends io.mderesponse.contracts.event.Event> void produce(String topic, String key, T value) {
        try (KafkaProducer<String, T> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafkaBroker.bootstrapServers()),
                new StringSerializer(), new JsonEventSerializer<>())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String header(ConsumerRecord<?, ?> record) {
        return TopicReader.header(record, CloudEventHeaders.CORRELATION_ID).orElse(null);
    }
}
