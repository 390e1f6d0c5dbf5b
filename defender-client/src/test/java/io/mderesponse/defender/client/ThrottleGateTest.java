package io.mderesponse.defender.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mderesponse.defender.client.api.DefenderHttpError;
import io.mderesponse.defender.client.api.ThrottleGate;
import io.mderesponse.defender.client.budget.DefenderBudget;
import io.mderesponse.testsupport.defender.CallFilter;
import io.mderesponse.testsupport.defender.DefenderSimulatorResource;
import io.mderesponse.testsupport.defender.SimulatorAdmin;
import io.mderesponse.testsupport.defender.SimulatorFault;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The gate at the wire, below the budget: requests that already hold a budget token when their family gets paused
 * are not sent, and a 429 pauses its family as soon as the HTTP client sees it. Raw REST client calls against the
 * simulator, so neither the budget's wait nor the retries hide what the gate does.
 */
@QuarkusTest
@TestProfile(ShortRetriesProfile.class)
@WithTestResource(DefenderSimulatorResource.class)
class ThrottleGateTest {

    @Inject
    DefenderEndpoints endpoints;

    @Inject
    DefenderBudget budget;

    @ConfigProperty(name = "defender.api.base-url")
    String simulatorUrl;

    SimulatorAdmin admin;

    @BeforeEach
    void connectToTheSimulator() {
        admin = new SimulatorAdmin(simulatorUrl);
    }

    /** The budget is the application's: leave no pause to the next test class. */
    @AfterEach
    void waitForThePausesToEnd() {
        await().atMost(Duration.ofSeconds(10)).until(() -> budget.pausedUntil(ApiFamily.ALERTS).isEmpty()
                && budget.pausedUntil(ApiFamily.MACHINES).isEmpty());
    }

    @Test
    void aRequestOfAPausedFamilyIsNotSentAndFailsAsThrottledWithTheTimeLeft() {
        String machineId = Seed.machine(admin);
        budget.pause(ApiFamily.MACHINES, Duration.ofSeconds(2));

        assertThatThrownBy(() -> endpoints.api().getMachine(machineId))
                .isInstanceOfSatisfying(DefenderHttpError.class, e -> {
                    assertThat(e.details().httpStatus()).isEqualTo(429);
                    assertThat(e.details().code()).isEqualTo(ThrottleGate.NOT_SENT_CODE);
                    assertThat(e.retryAfter()).isIn("1", "2");
                });
        assertThat(admin.calls(CallFilter.path("/api/machines/" + machineId))).isEmpty();
        // Other families are not held back.
        String alertId = Seed.alert(admin);
        assertThat(endpoints.api().getAlert(alertId).id()).isEqualTo(alertId);
    }

    @Test
    void a429PausesItsFamilyTheMomentTheAnswerArrives() {
        String alertId = Seed.alert(admin);
        admin.addFault(SimulatorFault.rateLimit(alertId, 3, 1));
        Instant before = Instant.now();

        assertThatThrownBy(() -> endpoints.api().getAlert(alertId)).isInstanceOf(DefenderHttpError.class);

        assertThat(budget.pausedUntil(ApiFamily.ALERTS)).hasValueSatisfying(until -> assertThat(until)
                .isAfter(before.plusSeconds(2)));
        assertThat(budget.pausedUntil(ApiFamily.MACHINES)).isEmpty();
    }
}
