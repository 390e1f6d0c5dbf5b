package io.mderesponse.defender.client.health;

import io.mderesponse.defender.client.api.DefenderApi;
import io.mderesponse.defender.client.config.DefenderConfig;
import io.quarkus.oidc.client.OidcClients;
import io.quarkus.oidc.client.Tokens;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of every service that calls Defender: DOWN until the service has obtained an access token from
 * {@code defender.token-url} with its client id and secret, and while it cannot get one (a wrong tenant, client id
 * or secret, an expired secret, the endpoint unreachable), with the endpoint's reason. So a rotated or mistyped
 * secret shows in {@code kubectl get pods} instead of only in failed calls. The probe never waits for the token
 * endpoint: it answers with the last known status and refreshes it in the background.
 */
@Readiness
@ApplicationScoped
public class DefenderTokenCheck implements HealthCheck {

    public static final String NAME = "defender-token";
    /** How long a failed token request is reported before the endpoint is asked again. */
    static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(30);

    private final TokenStatus status;

    public DefenderTokenCheck(OidcClients clients, DefenderConfig config) {
        this.status = new TokenStatus(
                () -> clients.getClient(DefenderApi.OIDC_CLIENT).getTokens().map(DefenderTokenCheck::token),
                Clock.systemUTC(), config.tokenRefreshSkew(), RETRY_AFTER_FAILURE);
    }

    private static TokenStatus.Token token(Tokens tokens) {
        Long expiresAt = tokens.getAccessTokenExpiresAt();
        return new TokenStatus.Token(expiresAt == null ? null : Instant.ofEpochSecond(expiresAt));
    }

    /** Asks for the first token at start, so the first probe usually finds it. */
    void onStart(@Observes StartupEvent event) {
        status.check();
    }

    @Override
    public HealthCheckResponse call() {
        TokenStatus.Snapshot snapshot = status.check();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        if (snapshot.ready()) {
            if (snapshot.expiresAt() != null) {
                response.withData("expiresAt", snapshot.expiresAt().toString());
            }
            return response.up().build();
        }
        return response.withData("reason", snapshot.reason()).withData("since", snapshot.since().toString())
                .down().build();
    }
}
