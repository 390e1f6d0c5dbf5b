package io.mderesponse.response.testing;

import static org.awaitility.Awaitility.await;

import io.mderesponse.contracts.defender.IsolationType;
import io.mderesponse.contracts.defender.ScanType;
import io.mderesponse.contracts.event.AlertSummary;
import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.DecisionOutcome;
import io.mderesponse.contracts.event.Event;
import io.mderesponse.contracts.event.MachineActionCompleted;
import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.contracts.event.MachineActionType;
import io.mderesponse.contracts.event.RequestIds;
import io.mderesponse.contracts.event.RequestedAction;
import io.mderesponse.contracts.event.ResponseActionCompleted;
import io.mderesponse.contracts.event.ResponseActionRequested;
import io.mderesponse.contracts.event.RuleAction;
import io.mderesponse.contracts.serde.CloudEventHeaders;
import io.mderesponse.contracts.serde.JsonEventSerializer;
import io.mderesponse.contracts.serde.MachineActionCompletedDeserializer;
import io.mderesponse.contracts.serde.ResponseActionCompletedDeserializer;
import io.mderesponse.contracts.topic.Services;
import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.testsupport.defender.TestIds;
import io.mderesponse.testsupport.kafka.SharedKafkaBroker;
import io.mderesponse.testsupport.kafka.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes requests as decision-service would, and reads results, dead letters and commits as others see them. */
public final class RequestsAndResults implements AutoCloseable {

    public static final String REQUESTS = Topics.ACTIONS_REQUESTED.defaultName();
    public static final String RESULTS = Topics.ACTIONS_RESULTS.defaultName();
    public static final String DEAD_LETTERS = Topics.dlq(REQUESTS, Services.RESPONSE);
    public static final String RESPONSE_REQUESTS = Topics.RESPONSE_ACTIONS_REQUESTED.defaultName();
    public static final String RESPONSE_RESULTS = Topics.RESPONSE_ACTIONS_RESULTS.defaultName();
    /** A SHA-1 for quarantine requests. */
    public static final String SHA1 = "87662bc3d60e4200ceaf7aae249d1c343f4b83c9";

    private final String bootstrap = SharedKafkaBroker.bootstrapServers();
    private final KafkaProducer<String, Event> producer = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(),
            new JsonEventSerializer<>("response-service-test"));

    /** An isolation request as decision-service writes it, for a fresh alert on {@code machineId}. */
    public static MachineActionRequested isolation(String machineId) {
        return request(machineId, MachineActionType.Isolate);
    }

    /** A release request for {@code machineId}. */
    public static MachineActionRequested unisolation(String machineId) {
        return request(machineId, MachineActionType.Unisolate);
    }

    private static MachineActionRequested request(String machineId, MachineActionType type) {
        AlertSummary alert = new AlertSummary(TestIds.alertId(), "title", null, null, null, machineId, null, null,
                null, null, null);
        DecisionMade decision = DecisionMade.forAlert(alert, "isolate-high", "bundled-1", Map.of(),
                List.of(RuleAction.ISOLATE, RuleAction.NOTIFY), IsolationType.Full, DecisionOutcome.ACTED,
                List.of("soc@example.com"), null);
        return MachineActionRequested.of(decision, type, machineId, "MDE Response test [request "
                + RequestIds.forDecision(decision, type) + "]");
    }

    /**
     * A decision of a rule naming {@code kinds} in this order, for a fresh alert on {@code machineId}, as
     * decision-service makes it: its plan has one request per kind (a Quick scan, the test SHA-1).
     */
    public static DecisionMade decision(String machineId, MachineActionKind... kinds) {
        AlertSummary alert = new AlertSummary(TestIds.alertId(), "title", null, null, null, machineId, null, null,
                null, null, null);
        String ruleId = "playbook";
        List<RequestedAction> plan = Arrays.stream(kinds).map(kind -> {
            String sha1 = kind == MachineActionKind.STOP_AND_QUARANTINE_FILE ? SHA1 : null;
            return new RequestedAction(RequestIds.forAlert(alert.alertId(), ruleId, kind, sha1), kind,
                    kind == MachineActionKind.ISOLATE ? IsolationType.Full : null,
                    kind == MachineActionKind.ANTIVIRUS_SCAN ? ScanType.Quick : null, sha1,
                    sha1 == null ? null : "evil.exe");
        }).toList();
        boolean isolates = plan.stream().anyMatch(action -> action.kind() == MachineActionKind.ISOLATE);
        return DecisionMade.forAlert(alert, ruleId, "bundled-1", Map.of(),
                isolates ? List.of(RuleAction.ISOLATE, RuleAction.NOTIFY) : List.of(RuleAction.NOTIFY),
                isolates ? IsolationType.Full : null, DecisionOutcome.ACTED, List.of("soc@example.com"), null, plan);
    }

    /** The decision's isolation request, as decision-service writes it. */
    public static MachineActionRequested isolation(DecisionMade decision) {
        return MachineActionRequested.of(decision, MachineActionType.Isolate, decision.machineId(),
                "MDE Response test [request " + RequestIds.forDecision(decision, MachineActionType.Isolate) + "]");
    }

    /** The decision's request of {@code kind} (not isolation), as decision-service writes it. */
    public static ResponseActionRequested responseAction(DecisionMade decision, MachineActionKind kind) {
        RequestedAction action = decision.plan().stream().filter(a -> a.kind() == kind).findFirst().orElseThrow();
        return ResponseActionRequested.of(decision, action, decision.machineId(),
                "MDE Response test [request " + action.requestId() + "]");
    }

    /** A request of {@code kind} alone in its plan, for a fresh alert on {@code machineId}. */
    public static ResponseActionRequested responseAction(String machineId, MachineActionKind kind) {
        return responseAction(decision(machineId, kind), kind);
    }

    /** Publishes and waits for the broker; answers where the record went. */
    public RecordMetadata publish(MachineActionRequested request) {
        return send(REQUESTS, request, request.requestId());
    }

    /** Publishes on {@code defender.response-actions.requested} and waits for the broker. */
    public RecordMetadata publish(ResponseActionRequested request) {
        return send(RESPONSE_REQUESTS, request, request.requestId());
    }

    private RecordMetadata send(String topic, Event request, java.util.UUID requestId) {
        try {
            return producer.send(new ProducerRecord<>(topic, request.kafkaKey(), request)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not publish " + requestId, e);
        }
    }

    /** Publishes a raw value (e.g. one that is no request) with a correlation id header. */
    public void publishRaw(String key, String value, String correlationId) {
        try (KafkaProducer<String, String> raw = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(),
                new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(REQUESTS, key, value);
            record.headers().add(CloudEventHeaders.CORRELATION_ID, correlationId.getBytes(StandardCharsets.UTF_8));
            raw.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not publish a raw record", e);
        }
    }

    /** Every result published for the request's correlation id, oldest first. */
    public List<MachineActionCompleted> results(MachineActionRequested request) {
        MachineActionCompletedDeserializer deserializer = new MachineActionCompletedDeserializer();
        return TopicReader.readAll(bootstrap, RESULTS, new StringDeserializer(), new ByteArrayDeserializer()).stream()
                .filter(r -> request.correlationId().equals(
                        TopicReader.header(r, CloudEventHeaders.CORRELATION_ID).orElse(null)))
                .map(r -> deserializer.deserialize(r.topic(), r.headers(), r.value()))
                .filter(result -> result.requestId().equals(request.requestId()))
                .toList();
    }

    /** Waits for the request's first result. */
    public MachineActionCompleted awaitResult(MachineActionRequested request) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> results(request), list -> !list.isEmpty()).get(0);
    }

    /** Every result of a response action request (on its own topic), oldest first. */
    public List<ResponseActionCompleted> results(ResponseActionRequested request) {
        ResponseActionCompletedDeserializer deserializer = new ResponseActionCompletedDeserializer();
        return TopicReader.readAll(bootstrap, RESPONSE_RESULTS, new StringDeserializer(), new ByteArrayDeserializer())
                .stream()
                .filter(r -> request.correlationId().equals(
                        TopicReader.header(r, CloudEventHeaders.CORRELATION_ID).orElse(null)))
                .map(r -> deserializer.deserialize(r.topic(), r.headers(), r.value()))
                .filter(result -> result.requestId().equals(request.requestId()))
                .toList();
    }

    /** Waits for the response action request's first result. */
    public ResponseActionCompleted awaitResult(ResponseActionRequested request) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> results(request), list -> !list.isEmpty()).get(0);
    }

    /** Dead letters of the request's correlation id. */
    public List<ConsumerRecord<String, byte[]>> deadLetters(MachineActionRequested request) {
        return TopicReader.readAll(bootstrap, DEAD_LETTERS, new StringDeserializer(), new ByteArrayDeserializer())
                .stream()
                .filter(r -> request.correlationId().equals(
                        TopicReader.header(r, CloudEventHeaders.CORRELATION_ID).orElse(null)))
                .toList();
    }

    /** The response service's committed offset on the record's partition, if any. */
    public OptionalLong committed(RecordMetadata record) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(Services.RESPONSE)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            OffsetAndMetadata offset = offsets.get(new TopicPartition(record.topic(), record.partition()));
            return offset == null ? OptionalLong.empty() : OptionalLong.of(offset.offset());
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not read the committed offsets", e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
