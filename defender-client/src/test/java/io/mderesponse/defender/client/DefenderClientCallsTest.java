package io.mderesponse.defender.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mderesponse.contracts.defender.DefenderAlert;
import io.mderesponse.contracts.defender.DefenderMachine;
import io.mderesponse.contracts.defender.IsolationType;
import io.mderesponse.contracts.event.MachineActionType;
import io.mderesponse.defender.client.model.AdvancedQueryResult;
import io.mderesponse.defender.client.model.MachineAction;
import io.mderesponse.defender.client.model.MachineActionStatus;
import io.mderesponse.defender.client.query.AlertField;
import io.mderesponse.defender.client.query.AlertQuery;
import io.mderesponse.defender.client.query.Comparison;
import io.mderesponse.defender.client.query.MachineActionQuery;
import io.mderesponse.defender.client.query.SortDirection;
import io.mderesponse.testsupport.defender.CallFilter;
import io.mderesponse.testsupport.defender.DefenderSimulatorResource;
import io.mderesponse.testsupport.defender.SimulatorAdmin;
import io.mderesponse.testsupport.defender.SimulatorCall;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every call of the client against the simulator: real HTTP, real tokens. */
@QuarkusTest
@WithTestResource(DefenderSimulatorResource.class)
class DefenderClientCallsTest {

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
    void listingAlertsSendsFilterOrderPageAndExpandAndReadsTheAlerts() {
        // A creation time no other test uses, so the filter selects exactly these alerts.
        Instant created = Instant.parse("2021-01-26T20:33:57.722Z").plusSeconds(System.nanoTime() % 1_000_000 * 10);
        String machine = Seed.machine(admin);
        String first = Seed.alert(admin, machine, Map.of("alertCreationTime", created.toString()));
        String second = Seed.alert(admin, machine, Map.of("alertCreationTime", created.plusSeconds(1).toString()));

        List<DefenderAlert> alerts = client.listAlerts(AlertQuery.builder()
                .where(AlertField.ALERT_CREATION_TIME, Comparison.GE, created)
                .where(AlertField.ALERT_CREATION_TIME, Comparison.LE, created.plusSeconds(1))
                .orderBy(AlertField.ALERT_CREATION_TIME, SortDirection.DESC)
                .top(10).skip(0).expandEvidence().build());

        assertThat(alerts).extracting(DefenderAlert::id).containsExactly(second, first);
        assertThat(alerts.get(0).evidence()).hasSize(1);
        SimulatorCall call = last(CallFilter.family("alerts").method("GET"));
        assertThat(URLDecoder.decode(call.query(), StandardCharsets.UTF_8))
                .contains("$filter=alertCreationTime ge " + created + " and alertCreationTime le ")
                .contains("$orderby=alertCreationTime desc", "$top=10", "$skip=0", "$expand=evidence");
    }

    @Test
    void pagingWithTopAndSkipWalksThroughTheAlerts() {
        Instant created = Instant.parse("2022-03-01T00:00:00Z").plusSeconds(System.nanoTime() % 1_000_000 * 10);
        String machine = Seed.machine(admin);
        for (int i = 0; i < 3; i++) {
            Seed.alert(admin, machine, Map.of("alertCreationTime", created.plusSeconds(i).toString()));
        }
        AlertQuery.Builder page = AlertQuery.builder()
                .where(AlertField.ALERT_CREATION_TIME, Comparison.GE, created)
                .where(AlertField.ALERT_CREATION_TIME, Comparison.LT, created.plusSeconds(3))
                .orderBy(AlertField.ALERT_CREATION_TIME, SortDirection.ASC).top(2);

        assertThat(client.listAlerts(page.skip(0).build())).hasSize(2);
        assertThat(client.listAlerts(page.skip(2).build())).hasSize(1);
    }

    @Test
    void gettingAnAlertReturnsItWithItsEvidence() {
        String machine = Seed.machine(admin);
        String alertId = Seed.alert(admin, machine, Map.of());

        DefenderAlert alert = client.getAlert(alertId);

        assertThat(alert.id()).isEqualTo(alertId);
        assertThat(alert.machineId()).isEqualTo(machine);
        assertThat(alert.severity()).hasToString("High");
        assertThat(alert.evidence()).singleElement()
                .satisfies(evidence -> assertThat(evidence.fileName()).isEqualTo("powershell.exe"));
    }

    @Test
    void gettingAMachineReturnsIt() {
        String machineId = Seed.machine(admin);

        DefenderMachine machine = client.getMachine(machineId);

        assertThat(machine.id()).isEqualTo(machineId);
        assertThat(machine.computerDnsName()).startsWith("desktop-" + machineId.substring(0, 8));
        assertThat(machine.machineTags()).containsExactly("test");
    }

    @Test
    void isolatingStartsAPendingActionThatCanBeReadBackUntilItSucceeds() {
        String machine = Seed.machine(admin);
        admin.setActionBehaviour(machine, "Succeeded", "1s");

        MachineAction action = client.isolate(machine, IsolationType.Selective, "Isolated by rule isolate-high");

        assertThat(action.typeIs(MachineActionType.Isolate)).isTrue();
        assertThat(action.machineId()).isEqualTo(machine);
        assertThat(action.scope()).isEqualTo("Selective");
        assertThat(action.requestorComment()).isEqualTo("Isolated by rule isolate-high");
        assertThat(action.status()).isIn(MachineActionStatus.Pending, MachineActionStatus.InProgress);
        assertThat(client.getMachineAction(action.id()).id()).isEqualTo(action.id());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> client.getMachineAction(action.id()).status() == MachineActionStatus.Succeeded);
    }

    @Test
    void theIsolateBodyUsesDefendersCaseSensitiveNames() {
        String machine = Seed.machine(admin);

        client.isolate(machine, IsolationType.Full, "why");

        assertThat(last(CallFilter.family("isolate").pathContains(machine)).body())
                .isEqualTo("{\"Comment\":\"why\",\"IsolationType\":\"Full\"}");
    }

    @Test
    void unisolatingAnIsolatedMachineStartsAnUnisolateAction() {
        String machine = Seed.machine(admin);
        admin.setActionBehaviour(machine, "Succeeded", "100ms");
        MachineAction isolation = client.isolate(machine, IsolationType.Full, "isolate");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> client.getMachineAction(isolation.id()).status().isFinal());

        MachineAction release = client.unisolate(machine, "released by an analyst");

        assertThat(release.typeIs(MachineActionType.Unisolate)).isTrue();
        assertThat(release.requestorComment()).isEqualTo("released by an analyst");
        assertThat(last(CallFilter.family("isolate").pathContains(machine + "/unisolate")).body())
                .isEqualTo("{\"Comment\":\"released by an analyst\"}");
    }

    @Test
    void machineActionsAreListedByMachineTypeAndStatus() {
        String machine = Seed.machine(admin);
        admin.setActionBehaviour(machine, "Succeeded", "60s");
        MachineAction isolation = client.isolate(machine, IsolationType.Full, "isolate");

        List<MachineAction> pending = client.listMachineActions(MachineActionQuery.builder().machineId(machine)
                .type(MachineActionType.Isolate).status(MachineActionStatus.Pending).top(5).build());
        List<MachineAction> unisolations = client.listMachineActions(MachineActionQuery.builder()
                .machineId(machine).type(MachineActionType.Unisolate).build());

        assertThat(pending).extracting(MachineAction::id).containsExactly(isolation.id());
        assertThat(unisolations).isEmpty();
    }

    @Test
    void anAdvancedQueryReturnsSchemaAndRows() {
        String table = "DeviceProcessEvents" + Long.toHexString(System.nanoTime());
        String machine = Seed.machine(admin);
        admin.putHuntingTable(table, List.of(
                Map.of("DeviceId", machine, "FileName", "powershell.exe"),
                Map.of("DeviceId", machine, "FileName", "cmd.exe")));

        AdvancedQueryResult result = client.runAdvancedQuery(
                table + " | where FileName == \"powershell.exe\" | project DeviceId, FileName | limit 10");

        assertThat(result.schema()).extracting(AdvancedQueryResult.Column::name)
                .containsExactly("DeviceId", "FileName");
        assertThat(result.results()).containsExactly(Map.of("DeviceId", machine, "FileName", "powershell.exe"));
    }

    @Test
    void theTokenIsRequestedWithTheSecretInTheFormBodyForTheDefenderScope() {
        client.getMachine(Seed.machine(admin));

        SimulatorCall token = last(CallFilter.family("token"));
        assertThat(token.path()).isEqualTo("/" + DefenderSimulatorResource.TENANT_ID + "/oauth2/v2.0/token");
        assertThat(URLDecoder.decode(token.body(), StandardCharsets.UTF_8))
                .contains("grant_type=client_credentials", "client_id=local-dev-client", "client_secret=***",
                        "scope=https://api.securitycenter.microsoft.com/.default");
    }

    private SimulatorCall last(CallFilter filter) {
        List<SimulatorCall> calls = admin.calls(filter);
        assertThat(calls).as("calls matching %s", filter).isNotEmpty();
        return calls.get(calls.size() - 1);
    }
}
