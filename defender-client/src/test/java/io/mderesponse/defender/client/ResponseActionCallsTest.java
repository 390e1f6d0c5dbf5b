package io.mderesponse.defender.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.mderesponse.contracts.defender.IsolationType;
import io.mderesponse.contracts.defender.ScanType;
import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.contracts.event.RequestedAction;
import io.mderesponse.defender.client.error.ActionAlreadyInProgressException;
import io.mderesponse.defender.client.error.DefenderBadRequestException;
import io.mderesponse.defender.client.error.DefenderNotFoundException;
import io.mderesponse.defender.client.error.DefenderServerErrorException;
import io.mderesponse.defender.client.model.MachineAction;
import io.mderesponse.defender.client.model.MachineActionStatus;
import io.mderesponse.defender.client.model.RelatedFileInfo;
import io.mderesponse.defender.client.query.MachineActionQuery;
import io.mderesponse.testsupport.defender.CallFilter;
import io.mderesponse.testsupport.defender.DefenderSimulatorResource;
import io.mderesponse.testsupport.defender.SimulatorAdmin;
import io.mderesponse.testsupport.defender.SimulatorCall;
import io.mderesponse.testsupport.defender.SimulatorFault;
import io.mderesponse.testsupport.defender.TestIds;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The machine actions beyond isolation against the simulator (real HTTP, real tokens), including every variant the
 * simulator plays where Defender's answer is unconfirmed: a repeat answered with 400 or with the pending action, a
 * repeated quarantine answered with a new action or 400, and actions that start InProgress.
 */
@QuarkusTest
@WithTestResource(DefenderSimulatorResource.class)
class ResponseActionCallsTest {

    private static final String SHA1 = "87662bc3d60e4200ceaf7aae249d1c343f4b83c9";

    @Inject
    DefenderClient client;

    @ConfigProperty(name = "defender.api.base-url")
    String simulatorUrl;

    SimulatorAdmin admin;
    JsonNode settingsBefore;
    String machine;

    @BeforeEach
    void connectToTheSimulator() {
        admin = new SimulatorAdmin(simulatorUrl);
        settingsBefore = admin.settings();
        machine = Seed.machine(admin);
    }

    @AfterEach
    void restoreTheVariants() {
        // The simulator is shared by the test classes of this JVM: leave its answers as they were.
        admin.changeSettings(Map.of(
                "repeatAnswer", settingsBefore.path("repeatAnswer").asText(),
                "quarantineRepeat", settingsBefore.path("quarantineRepeat").asText(),
                "actionInitialStatus", settingsBefore.path("actionInitialStatus").asText()));
    }

    @Test
    void aScanSendsCommentAndScanTypeAndReturnsThePendingScan() {
        MachineAction scan = client.runAntiVirusScan(machine, ScanType.Full, "Scan by rule scan-medium");

        assertThat(scan.typeIs(MachineActionKind.ANTIVIRUS_SCAN)).isTrue();
        assertThat(scan.scope()).isEqualTo("Full");
        assertThat(scan.machineId()).isEqualTo(machine);
        assertThat(scan.requestorComment()).isEqualTo("Scan by rule scan-medium");
        assertThat(scan.status()).isEqualTo(MachineActionStatus.Pending);
        SimulatorCall call = last(CallFilter.family("antivirusscan").pathContains(machine));
        assertThat(call.path()).isEqualTo("/api/machines/" + machine + "/runAntiVirusScan");
        assertThat(call.body()).isEqualTo("{\"Comment\":\"Scan by rule scan-medium\",\"ScanType\":\"Full\"}");
    }

    @Test
    void collectingAPackageSendsTheCommentOnly() {
        MachineAction collection = client.collectInvestigationPackage(machine, "collect");

        assertThat(collection.typeIs(MachineActionKind.COLLECT_INVESTIGATION_PACKAGE)).isTrue();
        assertThat(collection.scope()).isNull();
        SimulatorCall call = last(CallFilter.family("investigationpackage").pathContains(machine));
        assertThat(call.path()).isEqualTo("/api/machines/" + machine + "/collectInvestigationPackage");
        assertThat(call.body()).isEqualTo("{\"Comment\":\"collect\"}");
    }

    @Test
    void restrictingAndRemovingTheRestrictionUseTheirOwnPathsInOneFamily() {
        MachineAction restriction = client.restrictCodeExecution(machine, "restrict");
        MachineAction removal = client.unrestrictCodeExecution(machine, "lift");

        assertThat(restriction.typeIs(MachineActionKind.RESTRICT_APP_EXECUTION)).isTrue();
        assertThat(removal.typeIs(MachineActionKind.REMOVE_APP_RESTRICTION)).isTrue();
        assertThat(admin.calls(CallFilter.family("restrictexecution").pathContains(machine)))
                .extracting(SimulatorCall::path, SimulatorCall::body)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("/api/machines/" + machine + "/restrictCodeExecution",
                                "{\"Comment\":\"restrict\"}"),
                        org.assertj.core.groups.Tuple.tuple("/api/machines/" + machine + "/unrestrictCodeExecution",
                                "{\"Comment\":\"lift\"}"));
    }

    @Test
    void aQuarantineSendsCommentAndSha1ToTheCapitalisedPathAndReturnsTheFile() {
        MachineAction quarantine = client.stopAndQuarantineFile(machine, SHA1, "quarantine");

        assertThat(quarantine.typeIs(MachineActionKind.STOP_AND_QUARANTINE_FILE)).isTrue();
        assertThat(quarantine.relatedFileInfo()).isEqualTo(new RelatedFileInfo(SHA1, "Sha1"));
        SimulatorCall call = last(CallFilter.family("quarantine").pathContains(machine));
        assertThat(call.path()).isEqualTo("/api/machines/" + machine + "/StopAndQuarantineFile");
        assertThat(call.body()).isEqualTo("{\"Comment\":\"quarantine\",\"Sha1\":\"" + SHA1 + "\"}");
    }

    @ParameterizedTest
    @EnumSource(value = MachineActionKind.class, names = "UNKNOWN", mode = EnumSource.Mode.EXCLUDE)
    void startingARequestedActionCallsItsKindsEndpointOnce(MachineActionKind kind) {
        RequestedAction requested = new RequestedAction(UUID.randomUUID(), kind,
                kind == MachineActionKind.ISOLATE ? IsolationType.Selective : null,
                kind == MachineActionKind.ANTIVIRUS_SCAN ? ScanType.Quick : null,
                kind == MachineActionKind.STOP_AND_QUARANTINE_FILE ? SHA1 : null, null);

        MachineAction action = client.startMachineAction(machine, requested, "request " + requested.requestId());

        assertThat(action.typeIs(kind)).isTrue();
        assertThat(action.requestorComment()).isEqualTo("request " + requested.requestId());
        List<SimulatorCall> calls = admin.calls(CallFilter.path("/api/machines/" + machine + "/"));
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.family()).isEqualTo(DefenderOperation.starting(kind).family().configName());
            assertThat(call.status()).isEqualTo(201);
        });
    }

    @Test
    void aMachinesActionsOfOneKindCanBeListed() {
        admin.setActionBehaviour(machine, "Succeeded", "60s");
        MachineAction scan = client.runAntiVirusScan(machine, ScanType.Quick, "scan");
        client.restrictCodeExecution(machine, "restrict");

        List<MachineAction> scans = client.listMachineActions(MachineActionQuery.builder().machineId(machine)
                .type(MachineActionKind.ANTIVIRUS_SCAN).build());

        assertThat(scans).extracting(MachineAction::id).containsExactly(scan.id());
        assertThat(last(CallFilter.family("machineactions").method("GET")).query())
                .contains("RunAntiVirusScan");
    }

    @ParameterizedTest
    @EnumSource(value = ActionOutcomeCase.class)
    void aScanIsTrackedToTheFinalStatusItsMachineIsSetTo(ActionOutcomeCase outcome) {
        admin.setActionBehaviour(machine, outcome.simulatorName, "300ms");

        MachineAction scan = client.runAntiVirusScan(machine, ScanType.Quick, "scan");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> client.getMachineAction(scan.id()).status() == outcome.status);
    }

    /** The outcomes the simulator can be told to reach. */
    enum ActionOutcomeCase {
        SUCCEEDED("Succeeded", MachineActionStatus.Succeeded),
        FAILED("Failed", MachineActionStatus.Failed),
        TIMED_OUT("TimeOut", MachineActionStatus.TimeOut);

        final String simulatorName;
        final MachineActionStatus status;

        ActionOutcomeCase(String simulatorName, MachineActionStatus status) {
            this.simulatorName = simulatorName;
            this.status = status;
        }
    }

    // Variant "400 Action is already in progress" (the simulator's default).
    @ParameterizedTest
    @EnumSource(value = MachineActionKind.class,
            names = {"ANTIVIRUS_SCAN", "RESTRICT_APP_EXECUTION", "REMOVE_APP_RESTRICTION"})
    void aRepeatAnsweredWith400IsActionAlreadyInProgressAndIsNotRetried(MachineActionKind kind) {
        admin.changeSettings(Map.of("repeatAnswer", "AlreadyInProgress"));
        admin.setActionBehaviour(machine, "Succeeded", "60s");
        start(kind, "first");

        assertThatThrownBy(() -> start(kind, "second"))
                .isInstanceOfSatisfying(ActionAlreadyInProgressException.class, e -> {
                    assertThat(e.operation()).isEqualTo(DefenderOperation.starting(kind));
                    assertThat(e.errorCode()).contains("ActiveRequestAlreadyExists");
                });
        assertThat(admin.calls(CallFilter.path("/api/machines/" + machine + "/"))).hasSize(2);
    }

    // Variant "returns the pending machine action".
    @ParameterizedTest
    @EnumSource(value = MachineActionKind.class,
            names = {"ANTIVIRUS_SCAN", "RESTRICT_APP_EXECUTION", "REMOVE_APP_RESTRICTION"})
    void aRepeatAnsweredWithThePendingActionReturnsThatActionWithItsOwnComment(MachineActionKind kind) {
        admin.changeSettings(Map.of("repeatAnswer", "PendingAction"));
        admin.setActionBehaviour(machine, "Succeeded", "60s");
        MachineAction first = start(kind, "first");

        MachineAction repeat = start(kind, "second");

        assertThat(repeat.id()).isEqualTo(first.id());
        assertThat(repeat.requestorComment()).isEqualTo("first");
        assertThat(repeat.status()).isEqualTo(MachineActionStatus.Pending);
    }

    @Test
    void aCollectionWhileOneRunsIsActionAlreadyInProgress() {
        admin.setActionBehaviour(machine, "Succeeded", "60s");
        client.collectInvestigationPackage(machine, "first");

        assertThatThrownBy(() -> client.collectInvestigationPackage(machine, "second"))
                .isInstanceOf(ActionAlreadyInProgressException.class);
    }

    @Test
    void aCollectionRefusedWithOnlyAMessageSayingOneIsRunningIsActionAlreadyInProgress() {
        // Defender documents the 400 but neither code nor message: a plain BadRequest must still be recognised.
        admin.addFault(SimulatorFault.status(machine + "/collectInvestigationPackage", 400, 1)
                .withError("BadRequest", "An investigation package collection is already running on the machine."));

        assertThatThrownBy(() -> client.collectInvestigationPackage(machine, "c"))
                .isInstanceOf(ActionAlreadyInProgressException.class);
    }

    @Test
    void anotherBadRequestOfACollectionStaysABadRequest() {
        admin.addFault(SimulatorFault.status(machine + "/collectInvestigationPackage", 400, 1)
                .withError("OsPlatformNotSupported", "The machine's OS does not support this action."));

        assertThatThrownBy(() -> client.collectInvestigationPackage(machine, "c"))
                .isInstanceOfSatisfying(DefenderBadRequestException.class,
                        e -> assertThat(e.errorCode()).contains("OsPlatformNotSupported"));
    }

    // Variant: a repeated quarantine of the same file creates another action (the simulator's default).
    @Test
    void aRepeatedQuarantineAnsweredWithANewActionReturnsTheNewOne() {
        admin.changeSettings(Map.of("quarantineRepeat", "NewAction"));
        admin.setActionBehaviour(machine, "Succeeded", "60s");
        MachineAction first = client.stopAndQuarantineFile(machine, SHA1, "first");

        MachineAction second = client.stopAndQuarantineFile(machine, SHA1, "second");

        assertThat(second.id()).isNotEqualTo(first.id());
        assertThat(second.requestorComment()).isEqualTo("second");
    }

    // Variant: a repeated quarantine of the same file is refused.
    @Test
    void aRepeatedQuarantineAnsweredWith400IsActionAlreadyInProgress() {
        admin.changeSettings(Map.of("quarantineRepeat", "AlreadyInProgress"));
        admin.setActionBehaviour(machine, "Succeeded", "60s");
        client.stopAndQuarantineFile(machine, SHA1, "first");

        assertThatThrownBy(() -> client.stopAndQuarantineFile(machine, SHA1, "second"))
                .isInstanceOf(ActionAlreadyInProgressException.class);
        assertThat(client.stopAndQuarantineFile(machine, "220e7d15b011d7fac48f2bd61114db1022197f7f", "other file")
                .status()).isEqualTo(MachineActionStatus.Pending);
    }

    // Variant: actions answer InProgress right away.
    @ParameterizedTest
    @EnumSource(value = MachineActionKind.class, names = "UNKNOWN", mode = EnumSource.Mode.EXCLUDE)
    void anActionThatStartsInProgressIsReadAndTrackedToItsEnd(MachineActionKind kind) {
        admin.changeSettings(Map.of("actionInitialStatus", "InProgress"));
        admin.setActionBehaviour(machine, "Succeeded", "500ms");

        MachineAction action = start(kind, "c");

        assertThat(action.status()).isEqualTo(MachineActionStatus.InProgress);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> client.getMachineAction(action.id()).status() == MachineActionStatus.Succeeded);
    }

    @Test
    void anActionOnAnUnknownMachineIsNotFound() {
        String unknown = TestIds.machineId();

        assertThatThrownBy(() -> client.runAntiVirusScan(unknown, ScanType.Quick, "c"))
                .isInstanceOf(DefenderNotFoundException.class);
        assertThatThrownBy(() -> client.stopAndQuarantineFile(unknown, SHA1, "c"))
                .isInstanceOf(DefenderNotFoundException.class);
    }

    @Test
    void aThrottledScanIsRetriedAndStartsOneScan() {
        admin.addFault(SimulatorFault.rateLimit(machine + "/runAntiVirusScan", 1, 1));

        MachineAction scan = client.runAntiVirusScan(machine, ScanType.Quick, "scan");

        assertThat(admin.calls(CallFilter.family("antivirusscan").pathContains(machine)))
                .extracting(SimulatorCall::status).containsExactly(429, 201);
        assertThat(client.listMachineActions(MachineActionQuery.builder().machineId(machine)
                .type(MachineActionKind.ANTIVIRUS_SCAN).build())).extracting(MachineAction::id)
                .containsExactly(scan.id());
    }

    @Test
    void aServerErrorOnAQuarantineIsNotRetriedBecauseDefenderMayHaveActed() {
        admin.addFault(SimulatorFault.status(machine + "/StopAndQuarantineFile", 500, 1));

        assertThatThrownBy(() -> client.stopAndQuarantineFile(machine, SHA1, "c"))
                .isInstanceOf(DefenderServerErrorException.class);

        assertThat(admin.calls(CallFilter.family("quarantine").pathContains(machine))).hasSize(1);
    }

    private MachineAction start(MachineActionKind kind, String comment) {
        Function<String, MachineAction> call = switch (kind) {
            case ANTIVIRUS_SCAN -> c -> client.runAntiVirusScan(machine, ScanType.Quick, c);
            case COLLECT_INVESTIGATION_PACKAGE -> c -> client.collectInvestigationPackage(machine, c);
            case RESTRICT_APP_EXECUTION -> c -> client.restrictCodeExecution(machine, c);
            case REMOVE_APP_RESTRICTION -> c -> client.unrestrictCodeExecution(machine, c);
            case STOP_AND_QUARANTINE_FILE -> c -> client.stopAndQuarantineFile(machine, SHA1, c);
            case ISOLATE -> c -> client.isolate(machine, IsolationType.Full, c);
            case UNISOLATE -> c -> client.unisolate(machine, c);
            case UNKNOWN -> throw new IllegalArgumentException("unknown");
        };
        return call.apply(comment);
    }

    private SimulatorCall last(CallFilter filter) {
        List<SimulatorCall> calls = admin.calls(filter);
        assertThat(calls).as("calls matching %s", filter).isNotEmpty();
        return calls.get(calls.size() - 1);
    }
}
