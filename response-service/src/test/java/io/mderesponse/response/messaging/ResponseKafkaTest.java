package io.mderesponse.response.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mderesponse.contracts.defender.IsolationType;
import io.mderesponse.contracts.event.AlertSummary;
import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.DecisionOutcome;
import io.mderesponse.contracts.event.FinalStatus;
import io.mderesponse.contracts.event.MachineActionCompleted;
import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.contracts.event.MachineActionType;
import io.mderesponse.contracts.event.RuleAction;
import io.mderesponse.contracts.serde.CloudEventHeaders;
import io.mderesponse.contracts.serde.JsonEventSerializer;
import io.mderesponse.contracts.serde.MachineActionCompletedDeserializer;
import io.mderesponse.contracts.serde.MachineActionRequestedDeserializer;
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
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = DefenderSimulatorResource.class,
        initArgs = @ResourceArg(name = "action.delay", value = "1s"))
class ResponseKafkaTest {

    @ConfigProperty(name = "defender.api.base-url")
    String simulatorUrl;
    SimulatorAdmin simulator;
    private KafkaCompanion kafka;

    @BeforeEach
    void connect() {
        simulator = new SimulatorAdmin(simulatorUrl);
        kafka = new KafkaCompanion(SharedKafkaBroker.bootstrapServers());
        kafka.registerSerde(MachineActionRequested.class,
                Serdes.serdeFrom(new JsonEventSerializer<>(), new MachineActionRequestedDeserializer()));
        kafka.registerSerde(MachineActionCompleted.class,
                Serdes.serdeFrom(new JsonEventSerializer<>(), new MachineActionCompletedDeserializer()));
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void anIsolationRequestIsOneIsolateCallWithTheCommentAndEndsSucceeded() {
        String machineId = TestIds.machineId();
        simulator.addMachine(SampleData.machine(machineId, "ws-2.contoso.com"));
        MachineActionRequested request = request(machineId);

        publish(request);

        MachineActionCompleted completed = awaitCompleted(request);
        assertThat(completed.status()).isEqualTo(FinalStatus.Succeeded);
        assertThat(completed.machineActionId()).isNotBlank();
        assertThat(completed.requestId()).isEqualTo(request.requestId());
        assertThat(completed.reason()).isNull();
        List<SimulatorCall> isolations = simulator.calls(
                CallFilter.path("/api/machines/" + machineId + "/isolate").method("POST"));
        assertThat(isolations).hasSize(1);
        assertThat(isolations.get(0).body()).contains(request.requestId().toString());
        assertThat(simulator.machineIsolation(machineId).toString()).contains("true");
    }

    @Test
    void aMachineDefenderDoesNotKnowIsRejectedWithTheReason() {
        MachineActionRequested request = request(TestIds.machineId());

        publish(request);

        MachineActionCompleted completed = awaitCompleted(request);
        assertThat(completed.status()).isEqualTo(FinalStatus.Rejected);
        assertThat(completed.reason()).contains("does not know machine");
        assertThat(completed.machineActionId()).isNull();
    }

    @Test
    void anIsolationWhileAnotherIsPendingIsReportedAsAlreadyPendingNotAsAFailure() throws Exception {
        String machineId = TestIds.machineId();
        simulator.addMachine(SampleData.machine(machineId, "ws-3.contoso.com"));
        simulator.setActionBehaviour(machineId, "Succeeded", "60s");
        isolateAsAnAnalystWould(machineId);
        MachineActionRequested request = request(machineId);

        publish(request);

        MachineActionCompleted completed = awaitCompleted(request);
        assertThat(completed.status()).isEqualTo(FinalStatus.AlreadyPending);
        assertThat(completed.reason()).contains("in progress");
    }

    /** Another party (an analyst in the portal) isolates the machine first, straight through the API. */
    private void isolateAsAnAnalystWould(String machineId) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String form = "grant_type=client_credentials&client_id=" + DefenderSimulatorResource.CLIENT_ID
                + "&client_secret=" + DefenderSimulatorResource.CLIENT_SECRET
                + "&scope=https%3A%2F%2Fapi.securitycenter.microsoft.com%2F.default";
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(DefenderSimulatorResource.tokenUrl(
                        simulator.baseUrl(), DefenderSimulatorResource.TENANT_ID)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        String accessToken = new ObjectMapper().readTree(token.body()).path("access_token").asText();
        HttpResponse<String> isolated = http.send(HttpRequest.newBuilder(URI.create(simulator.baseUrl()
                        + "/api/machines/" + machineId + "/isolate"))
                .header("Authorization", "Bearer " + accessToken)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"Comment\":\"analyst\",\"IsolationType\":\"Full\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(isolated.statusCode()).as(isolated.body()).isEqualTo(201);
    }

    private MachineActionRequested request(String machineId) {
        AlertSummary alert = new AlertSummary(TestIds.alertId(), "title", null, null, null, machineId, null, null,
                null, null, null);
        DecisionMade decision = DecisionMade.forAlert(alert, "isolate-high", "bundled-1", Map.of(),
                List.of(RuleAction.ISOLATE, RuleAction.NOTIFY), IsolationType.Full, DecisionOutcome.ACTED, List.of(),
                null);
        return MachineActionRequested.of(decision, MachineActionType.Isolate, machineId,
                "MDE Response test [request " + io.mderesponse.contracts.event.RequestIds.forDecision(decision,
                        MachineActionType.Isolate) + "]");
    }

    private void publish(MachineActionRequested request) {
        kafka.produce(String.class, MachineActionRequested.class).fromRecords(new ProducerRecord<>(
                Topics.ACTIONS_REQUESTED.defaultName(), request.kafkaKey(), request)).awaitCompletion();
    }

    private MachineActionCompleted awaitCompleted(MachineActionRequested request) {
        String correlationId = request.correlationId();
        return kafka.consume(String.class, MachineActionCompleted.class)
                .fromTopics(Topics.ACTIONS_RESULTS.defaultName(), records -> records.select()
                        .where(r -> correlationId.equals(TopicReader.header(r, CloudEventHeaders.CORRELATION_ID).orElse(null))).select().first())
                .awaitCompletion(Duration.ofSeconds(60)).getRecords().get(0).value();
    }

}
