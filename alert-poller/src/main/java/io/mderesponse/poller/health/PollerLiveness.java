package io.mderesponse.poller.health;

import io.mderesponse.poller.config.PollerConfig;
import io.mderesponse.poller.messaging.PollScheduler;
import io.mderesponse.poller.service.PollerStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness: DOWN when one poll has been running longer than {@code poller.unhealthy-after} (a stuck poll
 * thread, which a restart does fix) or when the thread that keeps the leadership membership has died.
 */
@Liveness
@ApplicationScoped
public class PollerLiveness implements HealthCheck {

    private final PollScheduler scheduler;
    private final PollerStatus status;
    private final Duration unhealthyAfter;

    public PollerLiveness(PollScheduler scheduler, PollerStatus status, PollerConfig config) {
        this.scheduler = scheduler;
        this.status = status;
        this.unhealthyAfter = config.unhealthyAfter();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("alert-poller-loop");
        if (!scheduler.leadershipRunning()) {
            return response.withData("reason", "the leadership consumer stopped").down().build();
        }
        Optional<Instant> started = status.pollStartedAt();
        status.lastAttemptEnd().ifPresent(at -> response.withData("lastPollEnded", at.toString()));
        if (started.isPresent() && Duration.between(started.get(), Instant.now()).compareTo(unhealthyAfter) > 0) {
            return response.withData("reason", "a poll has been running since " + started.get()).down().build();
        }
        return response.up().build();
    }
}
