package io.mderesponse.defender.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mderesponse.contracts.defender.IsolationType;
import io.mderesponse.defender.client.error.ActionAlreadyInProgressException;
import io.mderesponse.defender.client.error.DefenderBadRequestException;
import io.mderesponse.defender.client.error.DefenderNotFoundException;
import io.mderesponse.defender.client.error.DefenderUnexpectedStatusException;
import io.mderesponse.testsupport.defender.DefenderSimulatorResource;
import io.mderesponse.testsupport.defender.SimulatorAdmin;
import io.mderesponse.testsupport.defender.SimulatorFault;
import io.mderesponse.testsupport.defender.TestIds;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Defender's error answers become typed exceptions that keep status, error code and correlation target. */
@QuarkusTest
@WithTestResource(DefenderSimulatorResource.class)
class ErrorMappingTest {

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
    void aMissingAlertIsNotFoundWithDefendersCodeAndTarget() {
        String alertId = TestIds.alertId();

        assertThatThrownBy(() -> client.getAlert(alertId))
                .isInstanceOfSatisfying(DefenderNotFoundException.class, e -> {
                    assertThat(e.operation()).isEqualTo(DefenderOperation.GET_ALERT);
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.errorCode()).hasValueSatisfying(code -> assertThat(code).endsWith("NotFound"));
                    assertThat(e.target())
                            .hasValueSatisfying(target -> assertThat(UUID.fromString(target)).isNotNull());
                    assertThat(e.getMessage()).contains("get alert", "HTTP 404", e.target().get());
                });
    }

    @Test
    void aMissingMachineAndAMissingMachineActionAreNotFound() {
        assertThatThrownBy(() -> client.getMachine(TestIds.machineId()))
                .isInstanceOf(DefenderNotFoundException.class);
        assertThatThrownBy(() -> client.getMachineAction(UUID.randomUUID().toString()))
                .isInstanceOf(DefenderNotFoundException.class);
    }

    @Test
    void aSecondIsolateWhileTheFirstIsPendingIsActionAlreadyInProgress() {
        String machine = Seed.machine(admin);
        admin.setActionBehaviour(machine, "Succeeded", "60s");
        client.isolate(machine, IsolationType.Full, "first");

        assertThatThrownBy(() -> client.isolate(machine, IsolationType.Full, "second"))
                .isInstanceOfSatisfying(ActionAlreadyInProgressException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.errorCode()).contains("ActiveRequestAlreadyExists");
                    assertThat(e.target()).isPresent();
                });
    }

    @Test
    void aBadRequestKeepsDefendersErrorCode() {
        String alertId = Seed.alert(admin);
        admin.addFault(SimulatorFault.status(alertId, 400, 1).withError("InvalidInput", "The id is not valid."));

        assertThatThrownBy(() -> client.getAlert(alertId))
                .isInstanceOfSatisfying(DefenderBadRequestException.class, e -> {
                    assertThat(e.errorCode()).contains("InvalidInput");
                    assertThat(e.errorMessage()).contains("The id is not valid.");
                });
    }

    @Test
    void aStatusTheApiDoesNotDocumentIsReportedAsUnexpected() {
        String alertId = Seed.alert(admin);
        admin.addFault(SimulatorFault.status(alertId, 409, 1));

        assertThatThrownBy(() -> client.getAlert(alertId))
                .isInstanceOfSatisfying(DefenderUnexpectedStatusException.class,
                        e -> assertThat(e.httpStatus()).isEqualTo(409));
    }
}
