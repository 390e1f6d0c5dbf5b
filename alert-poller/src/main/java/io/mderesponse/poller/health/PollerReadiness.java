package io.mderesponse.poller.health;

import io.mderesponse.poller.config.PollerConfig;
import io.mderesponse.poller.messaging.PollScheduler;
import io.mderesponse.poller.service.PollerStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness with the poller's role and progress. A standby is ready (it is healthy, only waiting); the active
 * replica is not ready when no poll has completed for {@code poller.unhealthy-after} since it became active,
 * which shows in {@code kubectl get pods} without restarting anything (restarts do not fix a Defender outage).
 */
@Readiness
@ApplicationScoped
public class PollerReadiness implements HealthCheck {

    private final PollScheduler scheduler;
    private final PollerStatus status;
    private final Duration unhealthyAfter;

    public PollerReadiness(PollScheduler scheduler, PollerStatus status, PollerConfig config) {
        this.scheduler = scheduler;
        this.status = status;
        this.unhealthyAfter = config.unhealthyAfter();
    }

    @Override
    public HealthCheckResponse call() {
        Instant now = Instant.now();
        Instant activeSince = scheduler.activeSince();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("alert-poller")
                .withData("role", activeSince == null ? "standby" : "active");
        status.lastSuccess().ifPresent(at -> response.withData("lastSuccessfulPoll", at.toString()));
        status.watermark().ifPresent(mark -> response.withData("watermark", mark.toString())
                .withData("watermarkLagSeconds", Duration.between(mark, now).toSeconds()));
        if (activeSince == null) {
            return response.up().build();
        }
        Instant reference = status.lastSuccess().filter(at -> at.isAfter(activeSince)).orElse(activeSince);
        boolean stale = Duration.between(reference, now).compareTo(unhealthyAfter) > 0;
        if (stale) {
            response.withData("reason", "no poll completed since " + reference);
        }
        return response.status(!stale).build();
    }
}
