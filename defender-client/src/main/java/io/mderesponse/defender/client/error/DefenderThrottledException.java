package io.mderesponse.defender.client.error;

import io.mderesponse.defender.client.DefenderOperation;
import java.time.Duration;
import java.util.Optional;

/**
 * HTTP 429 after the retries were used up, or with a Retry-After longer than the client waits for itself;
 * {@link #retryAfter()} says when Defender will take the call again.
 */
public class DefenderThrottledException extends DefenderApiException {

    private final Duration retryAfter;

    public DefenderThrottledException(DefenderOperation operation, ErrorDetails details, Duration retryAfter,
            Throwable cause) {
        super(operation, details,
                retryAfter == null ? "no Retry-After" : "Retry-After " + retryAfter.toSeconds() + " s", cause);
        this.retryAfter = retryAfter;
    }

    /** For subclasses that explain the throttling themselves. */
    protected DefenderThrottledException(DefenderOperation operation, ErrorDetails details, Duration retryAfter,
            String explanation, Throwable cause) {
        super(operation, details, explanation, cause);
        this.retryAfter = retryAfter;
    }

    /** The last Retry-After Defender sent, if any. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
