package io.mderesponse.response.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mderesponse.contracts.event.FinalStatus;
import io.mderesponse.contracts.event.MachineActionCompleted;
import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.response.testing.RequestsAndResults;
import io.mderesponse.response.testing.ShortWindowsProfile;
import io.mderesponse.testsupport.defender.CallFilter;
import io.mderesponse.testsupport.defender.DefenderSimulatorResource;
import io.mderesponse.testsupport.defender.SimulatorAdmin;
import io.mderesponse.testsupport.kafka.KafkaBrokerResource;
import io.mderesponse.testsupport.metrics.PrometheusScrape;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each way a machine action can end becomes the right {@code MachineActionCompleted}; only Succeeded is success. */
@QuarkusTest
@TestProfile(ShortWindowsProfile.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = DefenderSimulatorResource.class,
        initArgs = @ResourceArg(name = "action.delay", value = "1s"))
class ActionOutcomesKafkaTest {

    @ConfigProperty(name = "defender.api.base-url")
    String simulatorUrl;
    SimulatorAdmin simulator;
    RequestsAndResults kafka;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @BeforeEach
    void connect() {
        simulator = new SimulatorAdmin(simulatorUrl);
        kafka = new RequestsAndResults();
    }

    @AfterEach
    void close() {
        kafka.close();
    }

    @Test
    void anActionDefenderReportsFailedEndsFailedWithTheReason() {
        MachineActionCompleted completed = outcomeOf("Failed", "1s");

        assertThat(completed.status()).isEqualTo(FinalStatus.Failed);
        assertThat(completed.reason()).contains("Defender reports Failed");
        assertThat(completed.machineActionId()).isNotBlank();
        assertThat(simulator.machineIsolation(completed.machineId()).path("isolated").asBoolean()).isFalse();
    }

    @Test
    void anActionDefenderReportsTimedOutEndsTimeOutWithTheReason() {
        MachineActionCompleted completed = outcomeOf("TimeOut", "1s");

        assertThat(completed.status()).isEqualTo(FinalStatus.TimeOut);
        assertThat(completed.reason()).contains("Defender reports TimeOut");
    }

    @Test
    void anActionStillPendingAtTheActionTimeoutEndsTimeOutAndIsNotReportedAsDone() {
        MachineActionCompleted completed = outcomeOf("Succeeded", "10m");

        assertThat(completed.status()).isEqualTo(FinalStatus.TimeOut);
        assertThat(completed.reason()).contains("Still Pending after " + Duration.parse("PT"
                + ShortWindowsProfile.ACTION_TIMEOUT.toUpperCase())).contains("not reported as done");
        assertThat(Duration.between(completed.requestedAt(), completed.completedAt()))
                .isGreaterThanOrEqualTo(Duration.parse("PT" + ShortWindowsProfile.ACTION_TIMEOUT.toUpperCase()));
    }

    @Test
    void anIsolationWhileAnotherIsPendingIsReportedAsAlreadyPendingNamingThePendingAction() throws Exception {
        String machineId = simulator.addSampleMachine();
        simulator.setActionBehaviour(machineId, "Succeeded", "60s");
        String analystsAction = isolateAsAnAnalystWould(machineId);
        MachineActionRequested request = RequestsAndResults.isolation(machineId);

        kafka.publish(request);

        MachineActionCompleted completed = kafka.awaitResult(request);
        assertThat(completed.status()).isEqualTo(FinalStatus.AlreadyPending);
        assertThat(completed.reason()).contains("in progress").contains(analystsAction);
        assertThat(completed.machineActionId()).isNull();
        assertThat(simulator.calls(CallFilter.path("/api/machines/" + machineId + "/isolate").method("POST")))
                .hasSize(2); // the analyst's and ours, refused
    }

    private MachineActionCompleted outcomeOf(String outcome, String delay) {
        String machineId = simulator.addSampleMachine();
        simulator.setActionBehaviour(machineId, outcome, delay);
        MachineActionRequested request = RequestsAndResults.isolation(machineId);
        PrometheusScrape before = PrometheusScrape.at(metrics);
        kafka.publish(request);
        MachineActionCompleted completed = kafka.awaitResult(request);
        assertThat(simulator.calls(CallFilter.path("/api/machines/" + machineId + "/isolate").method("POST")))
                .hasSize(1);
        // Isolations by outcome, and the records and Defender calls behind this one.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            PrometheusScrape after = PrometheusScrape.at(metrics);
            assertThat(after.delta(before, "response_actions_completed_total",
                    Map.of("type", "Isolate", "status", completed.status().name()))).isEqualTo(1.0);
            assertThat(after.delta(before, "response_actions_completed_total", Map.of())).isEqualTo(1.0);
            assertThat(after.delta(before, "messaging_records_in_total",
                    Map.of("channel", ActionRequestsConsumer.INCOMING))).isEqualTo(1.0);
            assertThat(after.delta(before, "messaging_records_out_total",
                    Map.of("channel", ActionRequestsConsumer.OUTGOING))).isEqualTo(1.0);
            assertThat(after.delta(before, "defender_calls_total", Map.of("family", "isolate"))).isEqualTo(1.0);
        });
        return completed;
    }


    /** Another party (an analyst in the portal) isolates the machine first; answers its action id. */
    private String isolateAsAnAnalystWould(String machineId) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
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
        return new ObjectMapper().readTree(isolated.body()).path("id").asText();
    }
}
