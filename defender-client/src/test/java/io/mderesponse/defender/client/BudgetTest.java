package io.mderesponse.defender.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.defender.client.budget.DefenderBudget;
import io.mderesponse.testsupport.defender.CallFilter;
import io.mderesponse.testsupport.defender.DefenderSimulatorResource;
import io.mderesponse.testsupport.defender.SimulatorAdmin;
import io.mderesponse.testsupport.defender.SimulatorCall;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The budget against the simulator's own rate limit, both compressed to 6 alert calls per 1 s window: many
 * threads of one process together never earn a 429 and never exceed the limit in any window at Defender.
 */
@QuarkusTest
@TestProfile(BudgetProfile.class)
@WithTestResource(value = DefenderSimulatorResource.class, initArgs = {
        @ResourceArg(name = "rate-limit.window", value = BudgetProfile.WINDOW),
        @ResourceArg(name = "rate-limit.alerts.per-window", value = "6")})
class BudgetTest {

    @Inject
    DefenderClient client;

    @Inject
    DefenderBudget budget;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "defender.api.base-url")
    String simulatorUrl;

    @Test
    void manyCallersTogetherStayWithinTheLimitOfEveryWindowAndEarnNo429() throws Exception {
        SimulatorAdmin admin = new SimulatorAdmin(simulatorUrl);
        List<String> alerts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            alerts.add(Seed.alert(admin));
        }
        admin.clearCalls();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 30; i++) {
                String alertId = alerts.get(i % alerts.size());
                results.add(pool.submit(() -> client.getAlert(alertId)));
            }
            for (Future<?> result : results) {
                result.get();
            }
        } finally {
            pool.shutdownNow();
        }

        List<SimulatorCall> calls = admin.calls(CallFilter.family("alerts"));
        assertThat(calls).hasSize(30).allSatisfy(call -> assertThat(call.status()).isEqualTo(200));
        for (int i = 0; i + BudgetProfile.PER_WINDOW < calls.size(); i++) {
            assertThat(Duration.between(calls.get(i).time(), calls.get(i + BudgetProfile.PER_WINDOW).time()))
                    .as("7 calls within one window")
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void callsBudgetWaitsAndFreeTokensAreMetrics() {
        client.getAlert(Seed.alert(new SimulatorAdmin(simulatorUrl)));

        assertThat(registry.get("defender.calls").tags("family", "alerts", "operation", "get_alert", "status", "2xx")
                .counter().count()).isPositive();
        assertThat(registry.get("defender.budget.wait").tags("family", "alerts", "priority", "normal").timer().count())
                .isPositive();
        assertThat(registry.get("defender.budget.available").tags("family", "alerts", "span", "minute").gauge()
                .value()).isBetween(0.0, 6.0);
        assertThat(budget.limit(ApiFamily.ALERTS)).hasValueSatisfying(limit -> assertThat(limit.perMinute())
                .isEqualTo(BudgetProfile.PER_WINDOW));
    }
}
