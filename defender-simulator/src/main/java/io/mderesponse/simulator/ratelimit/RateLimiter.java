package io.mderesponse.simulator.ratelimit;

import io.mderesponse.simulator.config.RuntimeSettings;
import io.mderesponse.simulator.config.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** Applies the per-family call limits in force; the whole simulator counts as one tenant. */
@ApplicationScoped
public class RateLimiter {

    private final RuntimeSettings settings;
    private final Map<ApiFamily, CallWindow> windows = new EnumMap<>(ApiFamily.class);

    public RateLimiter(RuntimeSettings settings) {
        this.settings = settings;
        for (ApiFamily family : ApiFamily.values()) {
            windows.put(family, new CallWindow());
        }
    }

    /** Counts a call of this family, or says how long the caller must wait (the Retry-After). */
    public Optional<Duration> tryAcquire(ApiFamily family, Instant now) {
        Settings current = settings.current();
        RateLimit limit = current.limits().get(family);
        if (limit == null) {
            return Optional.empty();
        }
        return windows.get(family).tryAcquire(now, current.rateLimitWindow(), limit);
    }

    public void reset() {
        windows.values().forEach(CallWindow::clear);
    }

    /** Retry-After in whole seconds, rounded up and at least 1, as the real API sends. */
    public static long retryAfterSeconds(Duration wait) {
        long millis = Math.max(0, wait.toMillis());
        return Math.max(1, (millis + 999) / 1000);
    }
}
