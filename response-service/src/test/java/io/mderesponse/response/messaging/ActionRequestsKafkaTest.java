package io.mderesponse.response.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mderesponse.contracts.event.FinalStatus;
import io.mderesponse.contracts.event.MachineActionCompleted;
import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.contracts.event.MachineActionType;
import io.mderesponse.response.service.ActionResults;
import io.mderesponse.response.testing.RequestsAndResults;
import io.mderesponse.response.testing.ShortWindowsProfile;
import io.mderesponse.testsupport.defender.CallFilter;
import io.mderesponse.testsupport.defender.DefenderSimulatorResource;
import io.mderesponse.testsupport.defender.SimulatorAdmin;
import io.mderesponse.testsupport.defender.SimulatorCall;
import io.mderesponse.testsupport.defender.TestIds;
import io.mderesponse.testsupport.kafka.KafkaBrokerResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Requests carried out once each, whatever the number of deliveries, against the real broker and simulator. */
@QuarkusTest
@TestProfile(ShortWindowsProfile.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = DefenderSimulatorResource.class,
        initArgs = @ResourceArg(name = "action.delay", value = "1s"))
class ActionRequestsKafkaTest {

    @ConfigProperty(name = "defender.api.base-url")
    String simulatorUrl;
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
    void anIsolationRequestIsOneIsolateCallWithTheRequestIdInTheCommentAndEndsSucceeded() {
        String machineId = simulator.addSampleMachine();
        MachineActionRequested request = RequestsAndResults.isolation(machineId);

        kafka.publish(request);

        MachineActionCompleted completed = kafka.awaitResult(request);
        assertThat(completed.status()).isEqualTo(FinalStatus.Succeeded);
        assertThat(completed.reason()).isNull();
        assertThat(completed.machineActionId()).isNotBlank();
        assertThat(completed.eventId()).isEqualTo(ActionResults.resultEventId(request.requestId()));
        assertThat(completed.recipients()).isEqualTo(request.recipients());
        List<SimulatorCall> isolations = isolateCalls(machineId, "isolate");
        assertThat(isolations).hasSize(1);
        assertThat(isolations.get(0).body()).contains("[request " + request.requestId() + "]");
        assertThat(simulator.machineIsolation(machineId).path("isolated").asBoolean()).isTrue();
    }

    @Test
    void theSameRequestDeliveredFiveTimesIsOneIsolateCallAndOneResult() {
        String machineId = simulator.addSampleMachine();
        MachineActionRequested request = RequestsAndResults.isolation(machineId);

        for (int i = 0; i < 5; i++) {
            kafka.publish(request);
        }

        assertThat(kafka.awaitResult(request).status()).isEqualTo(FinalStatus.Succeeded);
        // Delivered once more after its result is out: still nothing new.
        kafka.publish(request);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> kafka.results(request).size() == 1);
        assertThat(isolateCalls(machineId, "isolate")).hasSize(1);
        assertThat(simulator.machineIsolation(machineId).path("actionIds")).hasSize(1);
    }

    @Test
    void anUnisolationRequestIsOneUnisolateCallAndEndsSucceeded() {
        String machineId = simulator.addSampleMachine();
        MachineActionRequested request = RequestsAndResults.unisolation(machineId);

        kafka.publish(request);

        MachineActionCompleted completed = kafka.awaitResult(request);
        assertThat(completed.type()).isEqualTo(MachineActionType.Unisolate);
        assertThat(completed.status()).isEqualTo(FinalStatus.Succeeded);
        assertThat(isolateCalls(machineId, "unisolate")).hasSize(1);
    }

    @Test
    void aMachineDefenderDoesNotKnowIsRejectedWithTheReason() {
        MachineActionRequested request = RequestsAndResults.isolation(TestIds.machineId());

        kafka.publish(request);

        MachineActionCompleted completed = kafka.awaitResult(request);
        assertThat(completed.status()).isEqualTo(FinalStatus.Rejected);
        assertThat(completed.reason()).contains("does not know machine " + request.machineId());
        assertThat(completed.machineActionId()).isNull();
    }

    @Test
    void aRecordThatIsNoRequestGoesToTheDeadLetterTopicAndLaterRequestsStillRun() {
        String machineId = simulator.addSampleMachine();
        MachineActionRequested request = RequestsAndResults.isolation(machineId);
        kafka.publishRaw(machineId, "{\"not\":\"a request\"}", request.correlationId());

        kafka.publish(request);

        assertThat(kafka.awaitResult(request).status()).isEqualTo(FinalStatus.Succeeded);
        await().atMost(Duration.ofSeconds(30)).until(() -> !kafka.deadLetters(request).isEmpty());
        assertThat(kafka.deadLetters(request)).hasSize(1);
    }


    private List<SimulatorCall> isolateCalls(String machineId, String action) {
        return simulator.calls(CallFilter.path("/api/machines/" + machineId + "/" + action).method("POST"));
    }
}
