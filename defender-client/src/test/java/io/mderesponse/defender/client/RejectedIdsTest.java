package io.mderesponse.defender.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mderesponse.contracts.defender.IsolationType;
import io.mderesponse.testsupport.defender.CallFilter;
import io.mderesponse.testsupport.defender.DefenderSimulatorResource;
import io.mderesponse.testsupport.defender.SimulatorAdmin;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Ids that are not Defender ids never reach a URL: they are refused before any call. */
@QuarkusTest
@WithTestResource(DefenderSimulatorResource.class)
class RejectedIdsTest {

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

        assertThat(admin.calls()).hasSize(before);
        assertThat(admin.calls(CallFilter.path(machineId))).isEmpty();
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
