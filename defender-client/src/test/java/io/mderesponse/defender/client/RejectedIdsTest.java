package io.mderesponse.defender.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mderesponse.contracts.defender.IsolationType;
import io.mderesponse.contracts.defender.ScanType;
import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.contracts.event.RequestedAction;
import io.mderesponse.testsupport.defender.CallFilter;
import io.mderesponse.testsupport.defender.DefenderSimulatorResource;
import io.mderesponse.testsupport.defender.SimulatorAdmin;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ids that are not Defender ids never reach a URL: they are refused before any call. */
@QuarkusTest
@WithTestResource(DefenderSimulatorResource.class)
class RejectedIdsTest {

    private static final String SHA1 = "87662bc3d60e4200ceaf7aae249d1c343f4b83c9";

    @Inject
    DefenderClient client;

    @ConfigProperty(name = "defender.api.base-url")
    String simulatorUrl;

    SimulatorAdmin admin;

    @BeforeEach
    void connectToTheSimulator() {
        admin = new SimulatorAdmin(simulatorUrl);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../machines/1e5bc9d7e413ddd7902c2932e418702b84d0cc07", "da63747 OR 1",
            "da637%2F..", "da637?$expand=x"})
    void aBadAlertIdIsRefusedAndNeverSent(String alertId) {
        int before = admin.calls(CallFilter.family("alerts")).size();

        assertThatThrownBy(() -> client.getAlert(alertId)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("alert id");

        assertThat(admin.calls(CallFilter.family("alerts"))).hasSize(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"DESKTOP-ALICE", "1E5BC9D7E413DDD7902C2932E418702B84D0CC07",
            "1e5bc9d7e413ddd7902c2932e418702b84d0cc0", "1e5bc9d7e413ddd7902c2932e418702b84d0cc07/isolate"})
    void aBadMachineIdIsRefusedAndNeverSent(String machineId) {
        int before = admin.calls().size();

        assertThatThrownBy(() -> client.getMachine(machineId)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.isolate(machineId, IsolationType.Full, "c"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.unisolate(machineId, "c")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.runAntiVirusScan(machineId, ScanType.Quick, "c"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.collectInvestigationPackage(machineId, "c"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.restrictCodeExecution(machineId, "c"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.unrestrictCodeExecution(machineId, "c"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.stopAndQuarantineFile(machineId, SHA1, "c"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.startMachineAction(machineId,
                RequestedAction.antivirusScan(UUID.randomUUID(), ScanType.Full), "c"))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(admin.calls()).hasSize(before);
        assertThat(admin.calls(CallFilter.path(machineId))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "87662bc3d60e4200ceaf7aae249d1c343f4b83c", "87662bc3d60e4200ceaf7aae249d1c343f4b83c9a",
            "87662bc3d60e4200ceaf7aae249d1c343f4b83cg", "87662bc3d60e4200ceaf7aae249d1c343f4b\",\"x",
            "malware.exe", "87662bc3d60e4200ceaf7aae249d1c343f4b83c9 "})
    void aHashThatIsNoSha1IsRefusedAndNeverSent(String sha1) {
        String machine = Seed.machine(admin);

        assertThatThrownBy(() -> client.stopAndQuarantineFile(machine, sha1, "c"))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(admin.calls(CallFilter.path(machine))).isEmpty();
    }

    @Test
    void aKindThisVersionDoesNotKnowIsRefusedAndNeverSent() {
        String machine = Seed.machine(admin);

        assertThatThrownBy(() -> client.startMachineAction(machine,
                RequestedAction.of(UUID.randomUUID(), MachineActionKind.UNKNOWN), "c"))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(admin.calls(CallFilter.path(machine))).isEmpty();
    }

    @Test
    void aScanWithoutACommentIsRefusedBeforeAnyCall() {
        String machine = Seed.machine(admin);

        assertThatThrownBy(() -> client.runAntiVirusScan(machine, ScanType.Quick, ""))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(admin.calls(CallFilter.path(machine))).isEmpty();
    }

    @Test
    void aMachineActionIdThatIsNoGuidIsRefusedAndNeverSent() {
        int before = admin.calls(CallFilter.family("machineactions")).size();

        assertThatThrownBy(() -> client.getMachineAction("1; DROP")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GUID");
        assertThatThrownBy(() -> client.getMachineAction("5382f7ea-7557-4ab7-9782-d50480024a4e/cancel"))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(admin.calls(CallFilter.family("machineactions"))).hasSize(before);
    }

    @Test
    void anIsolationWithoutACommentIsRefusedBeforeAnyCall() {
        String machine = Seed.machine(admin);

        assertThatThrownBy(() -> client.isolate(machine, IsolationType.Full, " "))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(admin.calls(CallFilter.family("isolate").pathContains(machine))).isEmpty();
    }
}
