package io.mderesponse.systemtests.response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mderesponse.contracts.event.FinalStatus;
import io.mderesponse.contracts.event.MachineActionCompleted;
import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.contracts.event.ResponseActionCompleted;
import io.mderesponse.contracts.event.ResponseActionRequested;
import io.mderesponse.testsupport.defender.CallFilter;
import io.mderesponse.testsupport.defender.SampleData;
import io.mderesponse.testsupport.defender.SimulatorAdmin;
import io.mderesponse.testsupport.defender.SimulatorCall;
import io.mderesponse.testsupport.defender.SimulatorCredentials;
import io.mderesponse.testsupport.defender.SimulatorFault;
import io.mderesponse.testsupport.defender.TestIds;
import io.mderesponse.testsupport.kafka.SharedKafkaBroker;
import io.mderesponse.testsupport.process.ServiceProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged response-service, SIGKILLed and restarted: each request (an isolation, a scan) still reaches
 * Defender once and its result is published once. The service runs in its own JVM on the real broker, against the simulator.
 */
class ResponseCrashSystemTest {

    /** How long the simulator holds the isolate call open before it acts on it. */
    private static final String HELD_CALL = "8s";

    private static ServiceProcess simulatorProcess;
    private static SimulatorAdmin simulator;
    private static ResponseTopics topics;

    private ServiceProcess response;
    private String machineId;

    @BeforeAll
    static void startSimulator() {
        simulatorProcess = ServiceProcess.module("defender-simulator").name("defender-simulator-response-crash")
                .env("SIMULATOR_ACTION_DELAY", "1s").start();
        simulator = new SimulatorAdmin(simulatorProcess.baseUrl());
        String run = UUID.randomUUID().toString().substring(0, 8);
        topics = new ResponseTopics(SharedKafkaBroker.bootstrapServers(), "response-crash-" + run + ".requested",
                "response-crash-" + run + ".results");
    }

    @AfterAll
    static void stopSimulator() {
        if (topics != null) {
            topics.close();
        }
        if (simulatorProcess != null) {
            simulatorProcess.close();
        }
    }

    @BeforeEach
    void knownMachine() {
        machineId = TestIds.machineId();
        simulator.addMachine(SampleData.machine(machineId, "ws-" + machineId.substring(0, 6) + ".contoso.com"));
    }

    @AfterEach
    void stopService() {
        if (response != null) {
            response.close();
        }
    }

    @Test
    void killedDuringItsIsolateCallTheServiceAdoptsThatCallsActionAfterTheRestartInsteadOfCallingAgain() {
        // Defender acts on the call only after the caller is gone: the action exists, the answer never arrived.
        simulator.addFault(SimulatorFault.latency(isolatePath(), HELD_CALL, 1));
        response = startResponseService("first");
        MachineActionRequested request = ResponseTopics.isolation(machineId);
        topics.publish(request);
        await().atMost(Duration.ofSeconds(60)).until(() -> isolateCalls().size() == 1);

        response.kill();
        response = startResponseService("restarted");

        MachineActionCompleted completed = topics.awaitResult(request);
        assertThat(completed.status()).isEqualTo(FinalStatus.Succeeded);
        assertPublishedOnce(request);
        assertThat(isolateCalls()).hasSize(1);
        List<String> actions = actionIds();
        assertThat(actions).hasSize(1);
        assertThat(completed.machineActionId()).isEqualTo(actions.get(0));
        assertThat(response.log()).contains("Recovered the action of an earlier call");
    }

    @Test
    void killedWhileFollowingAnActionTheServiceFollowsItAgainAfterTheRestartAndPublishesOnce() {
        simulator.setActionBehaviour(machineId, "Succeeded", "8s");
        response = startResponseService("first");
        MachineActionRequested request = ResponseTopics.isolation(machineId);
        topics.publish(request);
        // Logged once the 201's action is recorded as tracked in Kafka.
        await().atMost(Duration.ofSeconds(60))
                .until(() -> response.log().contains("Started: Isolate of machine=" + machineId));

        response.kill();
        response = startResponseService("restarted");

        assertThat(topics.awaitResult(request).status()).isEqualTo(FinalStatus.Succeeded);
        assertPublishedOnce(request);
        assertThat(isolateCalls()).hasSize(1);
        assertThat(actionIds()).hasSize(1);
        assertThat(response.log()).contains("again after the restart");
    }

    @Test
    void killedDuringItsScanCallTheServiceAdoptsThatScanAfterTheRestartInsteadOfScanningAgain() {
        simulator.addFault(SimulatorFault.latency(scanPath(), HELD_CALL, 1));
        response = startResponseService("scan-first");
        ResponseActionRequested request = ResponseTopics.scan(machineId);
        topics.publish(request);
        await().atMost(Duration.ofSeconds(60)).until(() -> scanCalls().size() == 1);

        response.kill();
        response = startResponseService("scan-restarted");

        ResponseActionCompleted completed = topics.awaitResult(request);
        assertThat(completed.status()).isEqualTo(FinalStatus.Succeeded);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20))
                .until(() -> topics.results(request).size() == 1);
        assertThat(scanCalls()).hasSize(1);
        assertThat(completed.machineActionId()).isNotNull();
        assertThat(response.log()).contains("Recovered the action of an earlier call");
    }

    private void assertPublishedOnce(MachineActionRequested request) {
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20))
                .until(() -> topics.results(request).size() == 1);
    }

    private ServiceProcess startResponseService(String name) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", SharedKafkaBroker.bootstrapServers());
        // A killed instance leaves the consumer group within seconds, so its records come back quickly.
        env.put("KAFKA_SESSION_TIMEOUT_MS", "6000");
        env.put("KAFKA_HEARTBEAT_INTERVAL_MS", "1000");
        env.put("TOPICS_ACTIONS_REQUESTED", topics.requests());
        env.put("TOPICS_ACTIONS_RESULTS", topics.results());
        env.put("TOPICS_RESPONSE_ACTIONS_REQUESTED", topics.responseActionRequests());
        env.put("TOPICS_RESPONSE_ACTIONS_RESULTS", topics.responseActionResults());
        env.putAll(SimulatorCredentials.serviceEnvironment(simulatorProcess.baseUrl()));
        env.put("RESPONSE_POLL_INITIAL", "200ms");
        env.put("RESPONSE_POLL_MAX", "500ms");
        env.put("RESPONSE_RETRY_INITIAL", "300ms");
        env.put("RESPONSE_RETRY_MAX", "1s");
        env.put("RESPONSE_IN_FLIGHT_GRACE", "60s");
        return ServiceProcess.module("response-service").name("response-service-" + name).env(env).start();
    }

    private String isolatePath() {
        return "/api/machines/" + machineId + "/isolate";
    }

    private String scanPath() {
        return "/api/machines/" + machineId + "/runAntiVirusScan";
    }

    private List<SimulatorCall> scanCalls() {
        return simulator.calls(CallFilter.path(scanPath()).method("POST"));
    }

    private List<SimulatorCall> isolateCalls() {
        return simulator.calls(CallFilter.path(isolatePath()).method("POST"));
    }

    private List<String> actionIds() {
        List<String> ids = new ArrayList<>();
        simulator.machineIsolation(machineId).path("actionIds").forEach(id -> ids.add(id.asText()));
        return ids;
    }
}
