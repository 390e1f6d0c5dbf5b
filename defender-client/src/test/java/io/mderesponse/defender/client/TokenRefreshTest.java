package io.mderesponse.defender.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mderesponse.testsupport.defender.CallFilter;
import io.mderesponse.testsupport.defender.DefenderSimulatorResource;
import io.mderesponse.testsupport.defender.SimulatorAdmin;
import io.mderesponse.testsupport.defender.SimulatorCall;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With tokens living 4 s, calls keep working for longer than that: the client renews each token before it expires. */
@QuarkusTest
@TestProfile(TokenRefreshTest.ShortTokens.class)
class TokenRefreshTest {

    private static final Duration TOKEN_LIFETIME = Duration.ofSeconds(4);

    /** A simulator of its own issuing 4 s tokens, renewed 3 s before expiry (whole seconds on both sides). */
    public static class ShortTokens implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("defender.token-refresh-skew", "3s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(DefenderSimulatorResource.class,
                    Map.of("token-lifetime", TOKEN_LIFETIME.toSeconds() + "s")));
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
    void callsKeepSucceedingPastTheTokensLifetimeWithRenewedTokensAndNo401() {
        String machine = Seed.machine(admin);
        Instant start = Instant.now();

        // Keep calling until well past one token's lifetime; every call must succeed meanwhile.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> client.getMachine(machine) != null
                        && Duration.between(start, Instant.now()).compareTo(TOKEN_LIFETIME.plusSeconds(1)) > 0);

        assertThat(admin.calls(CallFilter.family("token"))).filteredOn(call -> call.time().isAfter(start))
                .as("tokens requested while calling past the first token's lifetime").hasSizeGreaterThanOrEqualTo(2);
        List<SimulatorCall> apiCalls = admin.calls(CallFilter.family("machines"));
        assertThat(apiCalls).isNotEmpty().allSatisfy(call -> {
            assertThat(call.status()).isEqualTo(200);
            assertThat(call.authorized()).isTrue();
        });
        assertThat(admin.calls()).extracting(SimulatorCall::status).doesNotContain(401);
    }
}
