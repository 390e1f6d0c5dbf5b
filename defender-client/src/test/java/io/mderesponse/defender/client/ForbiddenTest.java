package io.mderesponse.defender.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mderesponse.contracts.defender.IsolationType;
import io.mderesponse.contracts.defender.ScanType;
import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.contracts.event.RequestedAction;
import io.mderesponse.defender.client.error.DefenderForbiddenException;
import io.mderesponse.testsupport.defender.CallFilter;
import io.mderesponse.testsupport.defender.DefenderSimulatorResource;
import io.mderesponse.testsupport.defender.SimulatorAdmin;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** An app registration granted only read permissions: the calls needing more fail naming the missing permission. */
@QuarkusTest
@TestProfile(ForbiddenTest.ReadOnlyApp.class)
class ForbiddenTest {

    /** A simulator of its own whose tokens carry only the read permissions. */
    public static class ReadOnlyApp implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DefenderSimulatorResource.class,
                    Map.of("roles", "Alert.Read.All,Machine.Read.All")));
        }
    }

    @Inject
    DefenderClient client;

    @ConfigProperty(name = "defender.api.base-url")
    String simulatorUrl;

    SimulatorAdmin admin;

    @BeforeEach
    void connectToTheSimulator() {
        admin = new SimulatorAdmin(simulatorUrl);
    }

    @Test
    void isolatingWithoutMachineIsolateIsForbiddenNamingThatPermission() {
        String machine = Seed.machine(admin);

        assertThatThrownBy(() -> client.isolate(machine, IsolationType.Full, "isolate"))
                .isInstanceOfSatisfying(DefenderForbiddenException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(403);
                    assertThat(e.requiredPermission()).isEqualTo("Machine.Isolate");
                })
                .hasMessageContaining("Machine.Isolate");
        assertThat(admin.calls(CallFilter.family("isolate").pathContains(machine))).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(value = MachineActionKind.class, names = {"ANTIVIRUS_SCAN", "COLLECT_INVESTIGATION_PACKAGE",
            "RESTRICT_APP_EXECUTION", "REMOVE_APP_RESTRICTION", "STOP_AND_QUARANTINE_FILE"})
    void eachResponseActionWithoutItsPermissionIsForbiddenNamingTheKindsPermission(MachineActionKind kind) {
        String machine = Seed.machine(admin);
        RequestedAction requested = new RequestedAction(UUID.randomUUID(), kind, null,
                kind == MachineActionKind.ANTIVIRUS_SCAN ? ScanType.Full : null,
                kind == MachineActionKind.STOP_AND_QUARANTINE_FILE ? "87662bc3d60e4200ceaf7aae249d1c343f4b83c9" : null,
                null);

        assertThatThrownBy(() -> client.startMachineAction(machine, requested, "c"))
                .isInstanceOfSatisfying(DefenderForbiddenException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(403);
                    assertThat(e.requiredPermission()).isEqualTo(kind.permission());
                })
                .hasMessageContaining(kind.permission() + " of WindowsDefenderATP");
        // A 403 is no outage: it is not retried.
        assertThat(admin.calls(CallFilter.path("/api/machines/" + machine + "/"))).hasSize(1);
    }

    @Test
    void huntingWithoutAdvancedQueryReadAllIsForbiddenNamingThatPermission() {
        assertThatThrownBy(() -> client.runAdvancedQuery("DeviceProcessEvents | limit 1"))
                .isInstanceOfSatisfying(DefenderForbiddenException.class,
                        e -> assertThat(e.requiredPermission()).isEqualTo("AdvancedQuery.Read.All"))
                .hasMessageContaining("AdvancedQuery.Read.All");
    }

    @Test
    void huntingThroughGraphWithoutThreatHuntingReadAllIsForbiddenNamingThatGraphPermission() {
        java.time.Instant now = java.time.Instant.now();

        assertThatThrownBy(() -> client.runHuntingQuery("DeviceProcessEvents | limit 1", now.minusSeconds(60), now))
                .isInstanceOfSatisfying(DefenderForbiddenException.class,
                        e -> assertThat(e.requiredPermission()).isEqualTo("ThreatHunting.Read.All"))
                .hasMessageContaining("ThreatHunting.Read.All of Microsoft Graph");
    }

    @Test
    void readsThatThePermissionsCoverStillWork() {
        String machine = Seed.machine(admin);

        assertThat(client.getMachine(machine).id()).isEqualTo(machine);
    }
}
