package io.mderesponse.defender.client.budget;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Optional;

/**
 * At most {@code capacity} calls in any span of time: a bucket of {@code capacity} tokens in which each token
 * comes back one span after the call that spent it has <em>ended</em>.
 *
 * <p>Returning a token only after the call ended, not after it started, makes the limit hold at Defender whatever
 * the network does: Defender receives a call between its start and its end, so two calls that used the same token
 * arrive at least one span apart. A refilling token bucket would not do: it lets up to twice its size through in
 * one span (a full bucket plus a span's refill). Not thread-safe: {@link FamilyBudget} holds the lock.
 */
final class SlidingLimit {

    private final int capacity;
    private final Duration span;
    private final ArrayDeque<Instant> returning = new ArrayDeque<>();
    private int inFlight;

    SlidingLimit(int capacity, Duration span) {
        this.capacity = capacity;
        this.span = span;
    }

    int capacity() {
        return capacity;
    }

    /** Tokens free now. */
    int available(Instant now) {
        expire(now);
        return capacity - inFlight - returning.size();
    }

    /**
     * When {@code needed} tokens will be free: {@code now} if they are; empty if that depends on calls still in
     * flight (their tokens return one span after they end, which nobody knows yet).
     */
    Optional<Instant> whenAvailable(Instant now, int needed) {
        int missing = needed - available(now);
        if (missing <= 0) {
            return Optional.of(now);
        }
        if (missing > returning.size()) {
            return Optional.empty();
        }
        Iterator<Instant> it = returning.iterator();
        Instant at = it.next();
        for (int i = 1; i < missing; i++) {
            at = it.next();
        }
        return Optional.of(at);
    }

    void take() {
        inFlight++;
    }

    /** The call that took a token ended at {@code endedAt}. */
    void giveBack(Instant endedAt) {
        inFlight--;
        Instant back = endedAt.plus(span);
        Instant last = returning.peekLast();
        // Kept in order even if the clock stepped back: a token then returns a little later, never earlier.
        returning.addLast(last != null && back.isBefore(last) ? last : back);
    }

    private void expire(Instant now) {
        while (!returning.isEmpty() && !returning.peekFirst().isAfter(now)) {
            returning.removeFirst();
        }
    }
}
