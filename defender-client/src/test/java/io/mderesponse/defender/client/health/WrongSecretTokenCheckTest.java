package io.mderesponse.defender.client.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mderesponse.testsupport.defender.DefenderSimulatorResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;

/** A client secret the token endpoint refuses keeps readiness "defender-token" DOWN, with the endpoint's reason. */
@QuarkusTest
@TestProfile(WrongSecretTokenCheckTest.WrongSecret.class)
class WrongSecretTokenCheckTest {

    /** The shared simulator, and a secret it does not accept (overriding the resource's). */
    public static class WrongSecret implements QuarkusTestProfile {

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DefenderSimulatorResource.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("defender.client-secret", "a-rotated-away-secret");
        }
    }

    /** Qualified: a health check is a {@code @Readiness} bean, not a {@code @Default} one. */
    @Inject
    @Readiness
    DefenderTokenCheck check;

    @Test
    void is_down_naming_the_refusal_while_the_secret_is_wrong() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            check.call();
            HealthCheckResponse response = check.call();
            assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
            assertThat(response.getData().orElseThrow().get("reason").toString()).startsWith("token request failed");
        });
    }
}
