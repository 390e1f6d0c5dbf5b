package io.mderesponse.defender.client.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How many calls to make and how long to wait between them: jittered exponential backoff capped at a maximum.
 *
 * <p>The n-th wait is drawn uniformly from [c/2, c] with c = min(max, initial × 2^(n-1)): the jitter spreads
 * the retries of many workers that failed together, the lower half keeps each wait a real backoff, and no wait
 * exceeds max.
 */
public final class RetryPolicy {

    private final Duration initial;
    private final Duration max;
    private final int attempts;
    private final Duration maxRetryAfter;
    private final DoubleSupplier random;

    /**
     * @param random values in [0, 1), e.g. {@code ThreadLocalRandom.current()::nextDouble}
     */
    public RetryPolicy(Duration initial, Duration max, int attempts, Duration maxRetryAfter, DoubleSupplier random) {
        this.initial = positive("defender.retry.initial", initial);
        this.max = positive("defender.retry.max", max);
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("defender.retry.max (" + max
                    + ") must not be below defender.retry.initial (" + initial + ")");
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("defender.retry.attempts must be at least 1, got " + attempts);
        }
        this.attempts = attempts;
        this.maxRetryAfter = Objects.requireNonNull(maxRetryAfter, "defender.retry.max-retry-after");
        this.random = Objects.requireNonNull(random, "random");
    }

    public RetryPolicy(Duration initial, Duration max, int attempts, Duration maxRetryAfter) {
        this(initial, max, attempts, maxRetryAfter, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** Calls in total, the first included. */
    public int attempts() {
        return attempts;
    }

    /** The longest Retry-After waited for; a longer one ends the call. */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    /** The wait after the {@code failedAttempts}-th failed call (1 for the first failure). */
    public Duration backoff(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("failedAttempts must be at least 1, got " + failedAttempts);
        }
        long ceiling = ceilingMillis(failedAttempts);
        long half = ceiling / 2;
        return Duration.ofMillis(half + Math.round((ceiling - half) * random.getAsDouble()));
    }

    private long ceilingMillis(int failedAttempts) {
        long maxMillis = max.toMillis();
        // Past 2^30 the doubling would overflow; the cap is long reached by then anyway.
        int doublings = Math.min(failedAttempts - 1, 30);
        long grown = initial.toMillis() << doublings;
        return grown < 0 || grown > maxMillis ? maxMillis : grown;
    }

    private static Duration positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
        return value;
    }
}
