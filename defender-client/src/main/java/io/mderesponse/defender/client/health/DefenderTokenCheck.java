package io.mderesponse.defender.client.health;

import io.mderesponse.defender.client.api.DefenderApi;
import io.mderesponse.defender.client.api.GraphHuntingApi;
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
 *
 * <p>A service that calls Microsoft Graph ({@link GraphUse}) needs a second token, of Graph's audience, from the same
 * endpoint and credentials: the check then reports it too ({@code graph.expiresAt}, or {@code graph.reason} and
 * {@code graph.since}) and is DOWN while either token is missing.
 */
@Readiness
@ApplicationScoped
public class DefenderTokenCheck implements HealthCheck {

    public static final String NAME = "defender-token";
    /** How long a failed token request is reported before the endpoint is asked again. */
    static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(30);

    private final TokenStatus status;
    private final TokenStatus graphStatus;
    private final GraphUse graphUse;

    public DefenderTokenCheck(OidcClients clients, DefenderConfig config, GraphUse graphUse) {
        this.status = new TokenStatus(
                () -> clients.getClient(DefenderApi.OIDC_CLIENT).getTokens().map(DefenderTokenCheck::token),
                Clock.systemUTC(), config.tokenRefreshSkew(), RETRY_AFTER_FAILURE);
        this.graphStatus = new TokenStatus(
                () -> clients.getClient(GraphHuntingApi.OIDC_CLIENT).getTokens().map(DefenderTokenCheck::token),
                Clock.systemUTC(), config.tokenRefreshSkew(), RETRY_AFTER_FAILURE);
        this.graphUse = graphUse;
    }

    private static TokenStatus.Token token(Tokens tokens) {
        Long expiresAt = tokens.getAccessTokenExpiresAt();
        return new TokenStatus.Token(expiresAt == null ? null : Instant.ofEpochSecond(expiresAt));
    }

    /** Asks for the first token at start, so the first probe usually finds it. */
    void onStart(@Observes StartupEvent event) {
        status.check();
        if (graphUse.declared()) {
            graphStatus.check();
        }
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        boolean ready = report(response, "", status.check());
        if (graphUse.declared()) {
            ready &= report(response, "graph.", graphStatus.check());
        }
        return ready ? response.up().build() : response.down().build();
    }

    /** Adds one token's data under {@code prefix}; whether that token is held. */
    private static boolean report(HealthCheckResponseBuilder response, String prefix, TokenStatus.Snapshot snapshot) {
        if (snapshot.ready()) {
            if (snapshot.expiresAt() != null) {
                response.withData(prefix + "expiresAt", snapshot.expiresAt().toString());
            }
            return true;
        }
        response.withData(prefix + "reason", snapshot.reason()).withData(prefix + "since", snapshot.since().toString());
        return false;
    }
}
