package io.mderesponse.systemtests.response;

import static org.awaitility.Awaitility.await;

import io.mderesponse.contracts.defender.IsolationType;
import io.mderesponse.contracts.defender.ScanType;
import io.mderesponse.contracts.event.AlertSummary;
import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.DecisionOutcome;
import io.mderesponse.contracts.event.MachineActionCompleted;
import io.mderesponse.contracts.event.Event;
import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.contracts.event.RequestedAction;
import io.mderesponse.contracts.event.ResponseActionCompleted;
import io.mderesponse.contracts.event.ResponseActionRequested;
import io.mderesponse.contracts.event.MachineActionType;
import io.mderesponse.contracts.event.RequestIds;
import io.mderesponse.contracts.event.RuleAction;
import io.mderesponse.contracts.serde.JsonEventSerializer;
import io.mderesponse.contracts.serde.MachineActionCompletedDeserializer;
import io.mderesponse.contracts.serde.ResponseActionCompletedDeserializer;
import io.mderesponse.testsupport.defender.TestIds;
import io.mderesponse.testsupport.kafka.TopicReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The response service's request and result topics of one test run: publishes requests as decision-service would. */
final class ResponseTopics implements AutoCloseable {

    private final String bootstrapServers;
    private final String requests;
    private final String results;
    private final String responseActionRequests;
    private final String responseActionResults;
    private final KafkaProducer<String, Event> producer;

    ResponseTopics(String bootstrapServers, String requests, String results) {
        this.bootstrapServers = bootstrapServers;
        this.requests = requests;
        this.results = results;
        this.responseActionRequests = requests + ".response-actions";
        this.responseActionResults = results + ".response-actions";
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new StringSerializer(), new JsonEventSerializer<>("response-system-test"));
    }

    String requests() {
        return requests;
    }

    String results() {
        return results;
    }

    /** The topic of the other machine actions' requests (topics.response-actions-requested). */
    String responseActionRequests() {
        return responseActionRequests;
    }

    /** The topic of their results (topics.response-actions-results). */
    String responseActionResults() {
        return responseActionResults;
    }

    /** An isolation request as decision-service writes it, for a fresh alert on {@code machineId}. */
    static MachineActionRequested isolation(String machineId) {
        AlertSummary alert = new AlertSummary(TestIds.alertId(), "title", null, null, null, machineId, null, null,
                null, null, null);
        DecisionMade decision = DecisionMade.forAlert(alert, "isolate-high", "bundled-1", Map.of(),
                List.of(RuleAction.ISOLATE, RuleAction.NOTIFY), IsolationType.Full, DecisionOutcome.ACTED,
                List.of("soc@example.com"), null);
        return MachineActionRequested.of(decision, MachineActionType.Isolate, machineId, "MDE Response system test "
                + "[request " + RequestIds.forDecision(decision, MachineActionType.Isolate) + "]");
    }

    /** A quick antivirus scan request as decision-service writes it, for a fresh alert on {@code machineId}. */
    static ResponseActionRequested scan(String machineId) {
        AlertSummary alert = new AlertSummary(TestIds.alertId(), "title", null, null, null, machineId, null, null,
                null, null, null);
        RequestedAction scan = RequestedAction.antivirusScan(RequestIds.forAlert(alert.alertId(), "scan-medium",
                MachineActionKind.ANTIVIRUS_SCAN, null), ScanType.Quick);
        DecisionMade decision = DecisionMade.forAlert(alert, "scan-medium", "bundled-1", Map.of(),
                List.of(RuleAction.NOTIFY), null, DecisionOutcome.ACTED, List.of("soc@example.com"), null,
                List.of(scan));
        return ResponseActionRequested.of(decision, scan, machineId, "MDE Response system test [request "
                + scan.requestId() + "]");
    }

    void publish(ResponseActionRequested request) {
        send(responseActionRequests, request);
    }

    /** The results published for the scan (or other) request so far. */
    List<ResponseActionCompleted> results(ResponseActionRequested request) {
        ResponseActionCompletedDeserializer deserializer = new ResponseActionCompletedDeserializer();
        return TopicReader.readAll(bootstrapServers, responseActionResults, new StringDeserializer(),
                        new ByteArrayDeserializer())
                .stream()
                .map(r -> deserializer.deserialize(r.topic(), r.headers(), r.value()))
                .filter(result -> result.requestId().equals(request.requestId()))
                .toList();
    }

    ResponseActionCompleted awaitResult(ResponseActionRequested request) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .until(() -> results(request), list -> !list.isEmpty()).get(0);
    }

    void publish(MachineActionRequested request) {
        send(requests, request);
    }

    private void send(String topic, Event request) {
        try {
            producer.send(new ProducerRecord<>(topic, request.kafkaKey(), request)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not publish request " + request.eventId(), e);
        }
    }

    /** The results published for the request so far. */
    List<MachineActionCompleted> results(MachineActionRequested request) {
        MachineActionCompletedDeserializer deserializer = new MachineActionCompletedDeserializer();
        return TopicReader.readAll(bootstrapServers, results, new StringDeserializer(), new ByteArrayDeserializer())
                .stream()
                .map(r -> deserializer.deserialize(r.topic(), r.headers(), r.value()))
                .filter(result -> result.requestId().equals(request.requestId()))
                .toList();
    }

    MachineActionCompleted awaitResult(MachineActionRequested request) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .until(() -> results(request), list -> !list.isEmpty()).get(0);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
