package io.mderesponse.systemtests.poller;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.kafka.broker.KafkaBroker;
import io.mderesponse.testsupport.kafka.SharedKafkaBroker;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The poller's guarantee from outside, on a real broker and the simulator: 2,000 alerts, late and in bursts of
 * one timestamp, while poller processes are SIGKILLed; the alerts topic then holds exactly one
 * {@code AlertDetected} per alert.
 */
class PollerCrashSystemTest {

    static final int ALERTS = 2_000;
    static final int KILLS = 5;

    @Test
    void eachAlertIsPublishedOnceWhileThePollerIsKilledAndRestartedFiveTimes() {
        try (PollerCrashScenario scenario = new PollerCrashScenario(SharedKafkaBroker.bootstrapServers(), 1)) {
            PollerCrashScenario.Result result = scenario.run(ALERTS, KILLS, 1, null);

            PollerAssertions.assertExactlyOnce(result, ALERTS, KILLS);
        }
    }

    @Test
    void eachAlertIsPublishedOnceAcrossABrokerRestartInTheMiddle() {
        try (KafkaBroker broker = KafkaBroker.start();
                PollerCrashScenario scenario = new PollerCrashScenario(broker.bootstrapServers(), 2)) {
            PollerCrashScenario.Result result = scenario.run(ALERTS, KILLS, 1, broker::restart);

            PollerAssertions.assertExactlyOnce(result, ALERTS, KILLS);
        }
    }

    @Test
    void withTwoReplicasTheStandbyTakesOverFromAKilledActiveOneAndPublishesTheRest() {
        try (PollerCrashScenario scenario = new PollerCrashScenario(SharedKafkaBroker.bootstrapServers(), 3)) {
            PollerCrashScenario.Result result = scenario.run(ALERTS, KILLS, 2, () -> {
                // Only the active replica polls: the standby has published nothing so far.
                assertThat(scenario.replicas()).hasSize(2);
                assertThat(scenario.replicas()).filteredOn(r -> scenario.get(r, "/q/metrics")
                        .contains("alert_poller_active 0.0")).hasSize(1);
            });

            PollerAssertions.assertExactlyOnce(result, ALERTS, KILLS);
            // Takeover within poller.interval + poller.session-timeout, plus the group's rebalance and our
            // readiness probing on a shared two-core machine.
            assertThat(result.longestTakeover()).isLessThan(PollerCrashScenario.INTERVAL
                    .plus(PollerCrashScenario.SESSION_TIMEOUT).plus(Duration.ofSeconds(6)));
        }
    }
}
