package io.mderesponse.response.service;

import java.time.Duration;

/** A doubling wait: {@code initial}, twice that, ... up to {@code max}. */
public record Backoff(Duration initial, Duration max) {

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("A backoff needs 0 < initial <= max, not " + initial + " and " + max);
        }
    }

    /** The wait before try number {@code round + 1} (round 0 is the first wait). */
    public Duration delay(int round) {
        Duration delay = initial;
        for (int i = 0; i < round && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) <= 0 ? delay : max;
    }
}
