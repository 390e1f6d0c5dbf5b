package io.mderesponse.response.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mderesponse.contracts.event.FinalStatus;
import io.mderesponse.contracts.event.MachineActionCompleted;
import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.response.testing.RequestsAndResults;
import io.mderesponse.response.testing.ShortWindowsProfile;
import io.mderesponse.testsupport.defender.CallFilter;
import io.mderesponse.testsupport.defender.DefenderSimulatorResource;
import io.mderesponse.testsupport.defender.SimulatorAdmin;
import io.mderesponse.testsupport.defender.SimulatorCall;
import io.mderesponse.testsupport.defender.SimulatorFault;
import io.mderesponse.testsupport.kafka.KafkaBrokerResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Defender refusing, failing or losing answers: the request is held (uncommitted, consumption paused) and tried
 * again, never dropped and never dead-lettered; a call whose answer was lost is recovered from Defender's list.
 */
@QuarkusTest
@TestProfile(ShortWindowsProfile.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = DefenderSimulatorResource.class,
        initArgs = @ResourceArg(name = "action.delay", value = "1s"))
class DefenderFailuresKafkaTest {

    @ConfigProperty(name = "defender.api.base-url")
    String simulatorUrl;
    @TestHTTPResource(value = "/health/ready", management = true)
    URI readiness;
    SimulatorAdmin simulator;
    RequestsAndResults kafka;

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
    void aForbiddenIsolationTurnsReadinessDownKeepsTheRecordUncommittedAndGoesOnOnceAllowed() {
        String machineId = simulator.addSampleMachine();
        String forbidden = simulator.addFault(SimulatorFault.status(isolatePath(machineId), 403, null));
        MachineActionRequested request = RequestsAndResults.isolation(machineId);

        RecordMetadata record = kafka.publish(request);

        // Other readiness checks (the Defender token) may be DOWN for a moment at start: wait for this one.
        await().atMost(Duration.ofSeconds(60)).until(() -> readiness().statusCode() == 503
                && readiness().body().contains("Machine.Isolate"));
        assertThat(readiness().body()).contains(request.requestId().toString());
        String otherMachine = simulator.addSampleMachine();
        MachineActionRequested later = RequestsAndResults.isolation(otherMachine);
        kafka.publish(later);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> isolateCalls(otherMachine).isEmpty());
        assertThat(kafka.committed(record).orElse(-1)).isLessThanOrEqualTo(record.offset());
        assertThat(kafka.results(request)).isEmpty();

        simulator.removeFault(forbidden);

        assertThat(kafka.awaitResult(request).status()).isEqualTo(FinalStatus.Succeeded);
        assertThat(kafka.awaitResult(later).status()).isEqualTo(FinalStatus.Succeeded);
        await().atMost(Duration.ofSeconds(30)).until(() -> readiness().statusCode() == 200);
        await().atMost(Duration.ofSeconds(60)).until(() -> kafka.committed(record).orElse(-1) > record.offset());
        assertThat(isolateCalls(machineId)).filteredOn(call -> Integer.valueOf(201).equals(call.status()))
                .hasSize(1);
        assertThat(kafka.deadLetters(request)).isEmpty();
    }

    @Test
    void aStormOfServerErrorsIsRetriedLaterAndNeverSentToTheDeadLetterTopic() {
        String machineId = simulator.addSampleMachine();
        simulator.addFault(SimulatorFault.status(isolatePath(machineId), 500, 3));
        MachineActionRequested request = RequestsAndResults.isolation(machineId);

        kafka.publish(request);

        assertThat(kafka.awaitResult(request).status()).isEqualTo(FinalStatus.Succeeded);
        assertThat(isolateCalls(machineId)).extracting(SimulatorCall::status).containsExactly(500, 500, 500, 201);
        assertThat(simulator.machineIsolation(machineId).path("actionIds")).hasSize(1);
        assertThat(kafka.deadLetters(request)).isEmpty();
    }

    @Test
    void anIsolationWhoseAnswerIsLostIsFoundInDefendersListAndNotRequestedAgain() {
        String machineId = simulator.addSampleMachine();
        // Defender acts on the call only after the client stopped waiting for the answer.
        simulator.addFault(SimulatorFault.latency(isolatePath(machineId), "2s", 1));
        MachineActionRequested request = RequestsAndResults.isolation(machineId);

        kafka.publish(request);

        MachineActionCompleted completed = kafka.awaitResult(request);
        assertThat(completed.status()).isEqualTo(FinalStatus.Succeeded);
        assertThat(isolateCalls(machineId)).hasSize(1);
        assertThat(simulator.machineIsolation(machineId).path("actionIds")).hasSize(1);
        assertThat(completed.machineActionId())
                .isEqualTo(simulator.machineIsolation(machineId).path("actionIds").get(0).asText());
    }

    @Test
    void anIsolationThatNeverReachedDefenderIsRequestedAgainOnlyAfterTheInFlightGrace() {
        String machineId = simulator.addSampleMachine();
        // The call is dropped without an answer and without an action.
        simulator.addFault(SimulatorFault.hang(isolatePath(machineId), "300ms", 1));
        MachineActionRequested request = RequestsAndResults.isolation(machineId);

        kafka.publish(request);

        assertThat(kafka.awaitResult(request).status()).isEqualTo(FinalStatus.Succeeded);
        List<SimulatorCall> calls = isolateCalls(machineId);
        assertThat(calls).hasSize(2);
        assertThat(Duration.between(calls.get(0).time(), calls.get(1).time()))
                .isGreaterThanOrEqualTo(Duration.parse("PT" + ShortWindowsProfile.IN_FLIGHT_GRACE.toUpperCase()));
        assertThat(simulator.machineIsolation(machineId).path("actionIds")).hasSize(1);
    }


    private static String isolatePath(String machineId) {
        return "/api/machines/" + machineId + "/isolate";
    }

    private List<SimulatorCall> isolateCalls(String machineId) {
        return simulator.calls(CallFilter.path(isolatePath(machineId)).method("POST"));
    }

    private HttpResponse<String> readiness() {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(readiness).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
