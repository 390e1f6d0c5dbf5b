package io.mderesponse.hunting.health;

import io.mderesponse.hunting.config.HuntingConfig;
import io.mderesponse.hunting.messaging.HuntingLoop;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness data: role ({@code active} or {@code standby}), the hunting API in use ({@code api}: {@code graph} or
 * {@code defender}), the number of queries, the pause (until when and why) and each query's next run. A pause is the
 * tenant's hunting quota at work, not a fault of this process: it stays UP.
 */
@Readiness
@ApplicationScoped
public class HuntingReadiness implements HealthCheck {

    private final HuntingLoop loop;
    private final HuntingConfig config;

    public HuntingReadiness(HuntingLoop loop, HuntingConfig config) {
        this.loop = loop;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("hunting-scheduler")
                .withData("role", loop.isActive() ? "active" : "standby")
                .withData("api", config.api().configValue())
                .withData("queries", loop.runs().queries().size());
        Instant pausedUntil = loop.runs().pausedUntil();
        if (pausedUntil != null) {
            response.withData("pausedUntil", pausedUntil.toString())
                    .withData("pauseReason", loop.runs().pauseReason().tag());
        }
        loop.nextRuns().forEach((query, at) -> response.withData("next." + query,
                at.equals(Instant.MIN) ? "now" : at.toString()));
        return response.up().build();
    }
}
