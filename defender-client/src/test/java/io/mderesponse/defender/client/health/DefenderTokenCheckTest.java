package io.mderesponse.defender.client.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mderesponse.testsupport.defender.DefenderSimulatorResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;

/** With the right client secret, readiness "defender-token" goes UP once the simulator issued a token. */
@QuarkusTest
@WithTestResource(DefenderSimulatorResource.class)
class DefenderTokenCheckTest {

    /** Qualified: a health check is a {@code @Readiness} bean, not a {@code @Default} one. */
    @Inject
    @Readiness
    DefenderTokenCheck check;

    @Inject
    GraphUse graphUse;

    @Test
    void onceTheServiceSaysItCallsGraphItAlsoHoldsAndReportsAGraphToken() {
        graphUse.declare();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HealthCheckResponse response = check.call();
            assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(response.getData().orElseThrow()).containsKeys("expiresAt", "graph.expiresAt");
        });
    }

    @Test
    void is_up_once_a_token_was_obtained_from_the_token_endpoint() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HealthCheckResponse response = check.call();
            assertThat(response.getName()).isEqualTo(DefenderTokenCheck.NAME);
            assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(response.getData().orElseThrow()).containsKey("expiresAt");
        });
    }
}
