package io.mderesponse.response.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.FinalStatus;
import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.contracts.event.ResponseActionCompleted;
import io.mderesponse.contracts.event.ResponseActionRequested;
import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.response.state.ActionRequest;
import io.mderesponse.response.state.RequestIntent;
import io.mderesponse.response.state.ResponseStateStore;
import io.mderesponse.response.testing.DefenderAsAnAnalyst;
import io.mderesponse.response.testing.RequestsAndResults;
import io.mderesponse.response.testing.ShortWindowsProfile;
import io.mderesponse.testsupport.defender.CallFilter;
import io.mderesponse.testsupport.defender.DefenderSimulatorResource;
import io.mderesponse.testsupport.defender.SimulatorAdmin;
import io.mderesponse.testsupport.defender.SimulatorCall;
import io.mderesponse.testsupport.defender.SimulatorFault;
import io.mderesponse.testsupport.kafka.KafkaBrokerResource;
import io.mderesponse.testsupport.kafka.SharedKafkaBroker;
import io.mderesponse.testsupport.metrics.PrometheusScrape;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Machine actions other than isolation, from {@code defender.response-actions.requested} to
 * {@code defender.response-actions.results} on the real broker and the simulator: each reaches Defender at most
 * once per request id (redelivered, or after a crash that lost the call's answer), Defender's refusals are
 * outcomes, and a plan's order is kept without stopping other machines.
 */
@QuarkusTest
@TestProfile(ShortWindowsProfile.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(value = DefenderSimulatorResource.class,
        initArgs = @ResourceArg(name = "action.delay", value = "1s"))
class ResponseActionsKafkaTest {

    private static final String SCAN = "runAntiVirusScan";
    private static final String COLLECT = "collectInvestigationPackage";

    @ConfigProperty(name = "defender.api.base-url")
    String simulatorUrl;
    @TestHTTPResource(value = "/health/ready", management = true)
    URI readiness;
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;
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
    void aScanDeliveredThreeTimesReachesDefenderOnceAndEndsSucceeded() {
        String machineId = simulator.addSampleMachine();
        ResponseActionRequested scan = RequestsAndResults.responseAction(machineId, MachineActionKind.ANTIVIRUS_SCAN);
        PrometheusScrape before = PrometheusScrape.at(metrics);

        kafka.publish(scan);
        kafka.publish(scan);
        kafka.publish(scan);

        ResponseActionCompleted completed = kafka.awaitResult(scan);
        assertThat(completed.status()).isEqualTo(FinalStatus.Succeeded);
        assertThat(completed.kind()).isEqualTo(MachineActionKind.ANTIVIRUS_SCAN);
        assertThat(completed.plan()).isEqualTo(scan.plan());
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10))
                .until(() -> kafka.results(scan).size() == 1);
        List<SimulatorCall> calls = calls(machineId, SCAN);
        assertThat(calls).singleElement().satisfies(call -> assertThat(call.status()).isEqualTo(201));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            PrometheusScrape after = PrometheusScrape.at(metrics);
            assertThat(after.delta(before, "response_actions_completed_total",
                    Map.of("type", "RunAntiVirusScan", "status", "Succeeded"))).isEqualTo(1.0);
            assertThat(after.delta(before, "defender_calls_total", Map.of("family", "antivirusscan")))
                    .isEqualTo(1.0);
        });
    }

    @Test
    void aScanWhoseCallAnInstanceMadeBeforeCrashingIsRecoveredFromTheListAndNotMadeAgain() {
        String machineId = simulator.addSampleMachine();
        ResponseActionRequested scan = RequestsAndResults.responseAction(machineId, MachineActionKind.ANTIVIRUS_SCAN);
        // The crashed instance recorded its intent, called Defender, and died before the answer.
        try (ResponseStateStore crashed = new ResponseStateStore(
                Map.of("bootstrap.servers", SharedKafkaBroker.bootstrapServers()),
                Topics.RESPONSE_INTENTS.defaultName(), Topics.RESPONSE_REQUEST_ACTIONS.defaultName(),
                Duration.ofSeconds(30), Duration.ofDays(7), Clock.systemUTC())) {
            crashed.recordIntent(RequestIntent.first(ActionRequest.of(scan), Instant.now()));
        }
        String started = new DefenderAsAnAnalyst(simulatorUrl).start(machineId, SCAN,
                "{\"Comment\":\"" + scan.comment() + "\",\"ScanType\":\"Quick\"}");

        kafka.publish(scan);

        ResponseActionCompleted completed = kafka.awaitResult(scan);
        assertThat(completed.status()).isEqualTo(FinalStatus.Succeeded);
        assertThat(completed.machineActionId()).isEqualTo(started);
        assertThat(calls(machineId, SCAN)).hasSize(1); // the crashed instance's
    }

    @Test
    void aScanWhileAnotherIsRunningIsAlreadyPendingNamingIt() {
        String machineId = simulator.addSampleMachine();
        simulator.setActionBehaviour(machineId, "Succeeded", "60s");
        String analysts = new DefenderAsAnAnalyst(simulatorUrl).start(machineId, SCAN,
                "{\"Comment\":\"analyst\",\"ScanType\":\"Full\"}");
        // The simulator answers a repeated scan 400 "Action is already in progress" (its default variant).
        ResponseActionRequested scan = RequestsAndResults.responseAction(machineId, MachineActionKind.ANTIVIRUS_SCAN);

        kafka.publish(scan);

        ResponseActionCompleted completed = kafka.awaitResult(scan);
        assertThat(completed.status()).isEqualTo(FinalStatus.AlreadyPending);
        assertThat(completed.reason()).contains("in progress").contains(analysts);
        assertThat(completed.machineActionId()).isNull();
    }

    @Test
    void aForbiddenScanIsRejectedNamingMachineScanWhileTheServiceStaysReady() {
        String machineId = simulator.addSampleMachine();
        simulator.addFault(SimulatorFault.status(path(machineId, SCAN), 403, null));
        ResponseActionRequested scan = RequestsAndResults.responseAction(machineId, MachineActionKind.ANTIVIRUS_SCAN);
        PrometheusScrape before = PrometheusScrape.at(metrics);

        kafka.publish(scan);

        ResponseActionCompleted completed = kafka.awaitResult(scan);
        assertThat(completed.status()).isEqualTo(FinalStatus.Rejected);
        assertThat(completed.reason()).contains("Machine.Scan").contains("403");
        assertThat(calls(machineId, SCAN)).hasSize(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> readiness().statusCode() == 200);
        assertThat(readiness().body()).doesNotContain("missingPermission");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(PrometheusScrape.at(metrics).delta(
                before, "response_permission_missing_total",
                Map.of("kind", "antivirusScan", "permission", "Machine.Scan"))).isEqualTo(1.0));
    }

    @Test
    void aCollectionWaitsForTheIsolationBeforeItInThePlanWhileOtherMachinesGoOn() {
        String machineId = simulator.addSampleMachine();
        DecisionMade decision = RequestsAndResults.decision(machineId, MachineActionKind.ISOLATE,
                MachineActionKind.COLLECT_INVESTIGATION_PACKAGE);
        ResponseActionRequested collect = RequestsAndResults.responseAction(decision,
                MachineActionKind.COLLECT_INVESTIGATION_PACKAGE);
        MachineActionRequested isolate = RequestsAndResults.isolation(decision);
        String otherMachine = simulator.addSampleMachine();
        ResponseActionRequested otherScan = RequestsAndResults.responseAction(otherMachine,
                MachineActionKind.ANTIVIRUS_SCAN);

        kafka.publish(collect);
        kafka.publish(otherScan);

        await().atMost(Duration.ofSeconds(3)).until(() -> !calls(otherMachine, SCAN).isEmpty());
        assertThat(calls(machineId, COLLECT)).isEmpty();
        kafka.publish(isolate);
        assertThat(kafka.awaitResult(collect).status()).isEqualTo(FinalStatus.Succeeded);
        assertThat(kafka.awaitResult(isolate).status()).isEqualTo(FinalStatus.Succeeded);
        assertThat(calls(machineId, COLLECT).get(0).time()).isAfter(calls(machineId, "isolate").get(0).time());
    }

    @Test
    void aCollectionWhoseIsolationNeverBeginsIsCarriedOutAfterTheOrderWaitAndCounted() {
        String machineId = simulator.addSampleMachine();
        ResponseActionRequested collect = RequestsAndResults.responseAction(RequestsAndResults.decision(machineId,
                MachineActionKind.ISOLATE, MachineActionKind.COLLECT_INVESTIGATION_PACKAGE),
                MachineActionKind.COLLECT_INVESTIGATION_PACKAGE);
        PrometheusScrape before = PrometheusScrape.at(metrics);
        Instant published = Instant.now();

        kafka.publish(collect);

        assertThat(kafka.awaitResult(collect).status()).isEqualTo(FinalStatus.Succeeded);
        assertThat(calls(machineId, COLLECT)).singleElement().satisfies(call -> assertThat(
                Duration.between(published, call.time())).isGreaterThanOrEqualTo(
                Duration.parse("PT" + ShortWindowsProfile.ORDER_WAIT.toUpperCase()).minusMillis(500)));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(PrometheusScrape.at(metrics).delta(
                before, "response_order_wait_expired_total", Map.of("kind", "collectInvestigationPackage")))
                .isEqualTo(1.0));
    }

    private static String path(String machineId, String action) {
        return "/api/machines/" + machineId + "/" + action;
    }

    private List<SimulatorCall> calls(String machineId, String action) {
        return simulator.calls(CallFilter.path(path(machineId, action)).method("POST"));
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
