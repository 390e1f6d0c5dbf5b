package io.mderesponse.simulator.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sliding-window counter of one family's accepted calls over the last window and the last 60 windows. Rejected
 * calls are not counted, so a client retrying early keeps being told to wait until a slot really frees.
 */
final class CallWindow {

    private final List<Instant> accepted = new ArrayList<>();

    /** Counts the call and returns empty, or returns how long until a slot frees without counting it. */
    synchronized Optional<Duration> tryAcquire(Instant now, Duration window, RateLimit limit) {
        Duration hour = window.multipliedBy(60);
        dropOlderThan(now.minus(hour));
        Optional<Duration> wait = waitFor(now, window, limit.perWindow());
        if (wait.isEmpty()) {
            wait = waitFor(now, hour, limit.perHour());
        }
        if (wait.isEmpty()) {
            accepted.add(now);
        }
        return wait;
    }

    synchronized void clear() {
        accepted.clear();
    }

    private Optional<Duration> waitFor(Instant now, Duration span, int limit) {
        if (limit <= 0) {
            return Optional.of(span);
        }
        Instant start = now.minus(span);
        int inSpan = 0;
        for (int i = accepted.size() - 1; i >= 0 && accepted.get(i).isAfter(start); i--) {
            inSpan++;
        }
        if (inSpan < limit) {
            return Optional.empty();
        }
        // The call whose expiry brings the count below the limit.
        Instant freeing = accepted.get(accepted.size() - limit);
        return Optional.of(Duration.between(now, freeing.plus(span)));
    }

    private void dropOlderThan(Instant start) {
        int old = 0;
        while (old < accepted.size() && !accepted.get(old).isAfter(start)) {
            old++;
        }
        accepted.subList(0, old).clear();
    }
}
