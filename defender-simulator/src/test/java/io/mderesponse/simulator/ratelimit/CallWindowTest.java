package io.mderesponse.simulator.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The sliding window's arithmetic, without a clock. */
class CallWindowTest {

    private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
    private static final Duration MINUTE = Duration.ofSeconds(60);

    @Test
    void acceptsCallsUpToTheLimitThenSaysWhenTheOldestLeavesTheWindow() {
        CallWindow window = new CallWindow();
        RateLimit limit = new RateLimit(2, 100);

        assertThat(window.tryAcquire(T0, MINUTE, limit)).isEmpty();
        assertThat(window.tryAcquire(T0.plusSeconds(10), MINUTE, limit)).isEmpty();
        assertThat(window.tryAcquire(T0.plusSeconds(20), MINUTE, limit)).contains(Duration.ofSeconds(40));
        assertThat(window.tryAcquire(T0.plusSeconds(60), MINUTE, limit)).isEmpty();
    }

    @Test
    void rejectedCallsDoNotCountSoEarlyRetriesAreToldTheSameTime() {
        CallWindow window = new CallWindow();
        RateLimit limit = new RateLimit(1, 100);
        window.tryAcquire(T0, MINUTE, limit);

        assertThat(window.tryAcquire(T0.plusSeconds(30), MINUTE, limit)).contains(Duration.ofSeconds(30));
        assertThat(window.tryAcquire(T0.plusSeconds(59), MINUTE, limit)).contains(Duration.ofSeconds(1));
        assertThat(window.tryAcquire(T0.plusSeconds(60), MINUTE, limit)).isEmpty();
    }

    @Test
    void hourlyLimitAppliesOverSixtyWindows() {
        CallWindow window = new CallWindow();
        RateLimit limit = new RateLimit(100, 2);
        window.tryAcquire(T0, MINUTE, limit);
        window.tryAcquire(T0.plusSeconds(120), MINUTE, limit);

        assertThat(window.tryAcquire(T0.plusSeconds(600), MINUTE, limit)).contains(Duration.ofSeconds(3000));
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
        assertThat(RateLimiter.retryAfterSeconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(RateLimiter.retryAfterSeconds(Duration.ofMillis(1001))).isEqualTo(2);
        assertThat(RateLimiter.retryAfterSeconds(Duration.ZERO)).isEqualTo(1);
    }
}
