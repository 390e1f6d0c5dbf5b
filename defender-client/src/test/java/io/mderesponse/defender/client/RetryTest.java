package io.mderesponse.defender.client;

import static io.mderesponse.defender.client.ShortRetriesProfile.ATTEMPTS;
import static io.mderesponse.defender.client.ShortRetriesProfile.INITIAL_MILLIS;
import static io.mderesponse.defender.client.ShortRetriesProfile.MAX_MILLIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mderesponse.contracts.defender.IsolationType;
import io.mderesponse.defender.client.error.DefenderBadRequestException;
import io.mderesponse.defender.client.error.DefenderNotFoundException;
import io.mderesponse.defender.client.error.DefenderServerErrorException;
import io.mderesponse.defender.client.error.DefenderThrottledException;
import io.mderesponse.defender.client.error.DefenderUnavailableException;
import io.mderesponse.testsupport.defender.CallFilter;
import io.mderesponse.testsupport.defender.DefenderSimulatorResource;
import io.mderesponse.testsupport.defender.SimulatorAdmin;
import io.mderesponse.testsupport.defender.SimulatorCall;
import io.mderesponse.testsupport.defender.SimulatorFault;
import io.mderesponse.testsupport.defender.TestIds;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What is retried, how long the client waits, and what is never retried, read from the simulator's call log. */
@QuarkusTest
@TestProfile(ShortRetriesProfile.class)
@WithTestResource(DefenderSimulatorResource.class)
class RetryTest {

    // Time between two arrivals is the wait plus one local round trip; this bounds the round trip. Uncapped, the
    // fourth wait would be 800 to 1,600 ms, well above the max plus this.
    private static final Duration ROUND_TRIP = Duration.ofMillis(300);

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
    void aThrottledCallIsRetriedNoSoonerThanItsRetryAfter() {
        String alertId = Seed.alert(admin);
        admin.addFault(SimulatorFault.rateLimit(alertId, 1, 1));

        assertThat(client.getAlert(alertId).id()).isEqualTo(alertId);

        List<SimulatorCall> calls = callsTo(alertId);
        assertThat(calls).extracting(SimulatorCall::status).containsExactly(429, 200);
        assertThat(Duration.between(calls.get(0).time(), calls.get(1).time()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aRetryAfterLongerThanTheClientWaitsEndsTheCallAtOnceAndPausesTheFamilyForEveryCaller() {
        String alertId = Seed.alert(admin);
        String otherAlert = Seed.alert(admin);
        admin.addFault(SimulatorFault.rateLimit(alertId, 3, 1));

        assertThatThrownBy(() -> client.getAlert(alertId))
                .isInstanceOfSatisfying(DefenderThrottledException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(3)));
        assertThat(callsTo(alertId)).hasSize(1);

        // Another call of the alerts family waits out the Retry-After instead of spending a second 429.
        assertThat(client.getAlert(otherAlert).id()).isEqualTo(otherAlert);
        assertThat(callsTo(otherAlert)).extracting(SimulatorCall::status).containsExactly(200);
        assertThat(Duration.between(callsTo(alertId).get(0).time(), callsTo(otherAlert).get(0).time()))
                .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void graphsCpuQuotaAnswerEndsTheHuntAtOnceSayingSoAndPausesOnlyTheGraphFamily() {
        admin.addFault(SimulatorFault.cpuQuota(3, 1));
        java.time.Instant now = java.time.Instant.now();

        assertThatThrownBy(() -> client.runHuntingQuery("NoTable", now.minusSeconds(60), now))
                .isInstanceOfSatisfying(DefenderThrottledException.class, e -> {
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
                    assertThat(e.errorMessage()).hasValueSatisfying(m -> assertThat(m).contains("CPU quota"));
                    assertThat(e.operation()).isEqualTo(DefenderOperation.RUN_HUNTING_QUERY);
                });
        assertThat(client.getAlert(Seed.alert(admin))).isNotNull(); // the alerts family is not paused
    }

    @Test
    void persistentServerErrorsMakeExactlyTheConfiguredAttemptsWithBoundedWaits() {
        String alertId = Seed.alert(admin);
        String fault = admin.addFault(SimulatorFault.status(alertId, 500, null));
        try {
            assertThatThrownBy(() -> client.getAlert(alertId)).isInstanceOf(DefenderServerErrorException.class);
        } finally {
            admin.removeFault(fault);
        }

        List<SimulatorCall> calls = callsTo(alertId);
        assertThat(calls).hasSize(ATTEMPTS).extracting(SimulatorCall::status).containsOnly(500);
        // Each wait is at least half its ceiling (the first ceiling is the initial wait) and never above the max.
        assertThat(gaps(calls)).allSatisfy(gap -> assertThat(gap)
                .isGreaterThanOrEqualTo(Duration.ofMillis(INITIAL_MILLIS / 2))
                .isLessThanOrEqualTo(Duration.ofMillis(MAX_MILLIS).plus(ROUND_TRIP)));
    }

    @Test
    void aCallThatGetsNoAnswerIsRetriedAndEndsUnavailable() {
        String alertId = Seed.alert(admin);
        admin.addFault(SimulatorFault.hang(alertId, "3s", ATTEMPTS));

        assertThatThrownBy(() -> client.getAlert(alertId)).isInstanceOf(DefenderUnavailableException.class)
                .hasMessageContaining("timeout");
        assertThat(callsTo(alertId)).hasSize(ATTEMPTS);
    }

    @Test
    void otherClientErrorsAreSentExactlyOnce() {
        String alertId = Seed.alert(admin);
        admin.addFault(SimulatorFault.status(alertId, 400, ATTEMPTS));
        String missing = TestIds.alertId();

        assertThatThrownBy(() -> client.getAlert(alertId)).isInstanceOf(DefenderBadRequestException.class);
        assertThatThrownBy(() -> client.getAlert(missing)).isInstanceOf(DefenderNotFoundException.class);

        assertThat(callsTo(alertId)).hasSize(1);
        assertThat(callsTo(missing)).hasSize(1);
    }

    @Test
    void anIsolateIsNotRepeatedAfterAServerErrorBecauseDefenderMayHaveActed() {
        String machine = Seed.machine(admin);
        admin.addFault(SimulatorFault.status(machine + "/isolate", 500, ATTEMPTS));

        assertThatThrownBy(() -> client.isolate(machine, IsolationType.Full, "isolate"))
                .isInstanceOf(DefenderServerErrorException.class);
        assertThat(callsTo(machine + "/isolate")).hasSize(1);
    }

    @Test
    void aThrottledIsolateIsRetriedBecauseDefenderDidNotAct() {
        String machine = Seed.machine(admin);
        admin.addFault(SimulatorFault.rateLimit(machine + "/isolate", 1, 1));

        assertThat(client.isolate(machine, IsolationType.Full, "isolate").machineId()).isEqualTo(machine);
        assertThat(callsTo(machine + "/isolate")).extracting(SimulatorCall::status).containsExactly(429, 201);
    }

    private List<SimulatorCall> callsTo(String pathPart) {
        return admin.calls(CallFilter.path(pathPart));
    }

    private static List<Duration> gaps(List<SimulatorCall> calls) {
        List<Duration> gaps = new ArrayList<>();
        for (int i = 1; i < calls.size(); i++) {
            gaps.add(Duration.between(calls.get(i - 1).time(), calls.get(i).time()));
        }
        return gaps;
    }
}
