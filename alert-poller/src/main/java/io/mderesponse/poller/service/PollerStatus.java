package io.mderesponse.poller.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/** What the health checks and metrics read about the poll loop: when polls started and ended, and the state. */
@ApplicationScoped
public class PollerStatus {

    private volatile Instant pollStartedAt;
    private volatile Instant lastSuccess;
    private volatile Instant lastAttemptEnd;
    private volatile Instant watermark;
    private volatile int seenAlerts;

    public void pollStarted(Instant at) {
        pollStartedAt = at;
    }

    public void pollEnded(Instant at, boolean success) {
        pollStartedAt = null;
        lastAttemptEnd = at;
        if (success) {
            lastSuccess = at;
        }
    }

    public void state(Optional<Instant> watermark, int seenAlerts) {
        this.watermark = watermark.orElse(null);
        this.seenAlerts = seenAlerts;
    }

    /** When the poll in progress started; empty when none runs. */
    public Optional<Instant> pollStartedAt() {
        return Optional.ofNullable(pollStartedAt);
    }

    public Optional<Instant> lastSuccess() {
        return Optional.ofNullable(lastSuccess);
    }

    public Optional<Instant> lastAttemptEnd() {
        return Optional.ofNullable(lastAttemptEnd);
    }

    public Optional<Instant> watermark() {
        return Optional.ofNullable(watermark);
    }

    public int seenAlerts() {
        return seenAlerts;
    }
}
