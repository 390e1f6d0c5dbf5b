package io.mderesponse.defender.client.budget;

import io.mderesponse.defender.client.ApiFamily;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The budget of one API family in this process: a minute limit, an hour limit (60 windows), reserves that
 * low-priority calls (and, a smaller one, normal calls) leave alone, and a pause that a 429 imposes on every caller.
 */
final class FamilyBudget {

    private final ApiFamily family;
    private final FamilyLimit limit;
    private final SlidingLimit minute;
    private final SlidingLimit hour;
    private final int minuteReserve;
    private final int hourReserve;
    private final int minuteHighReserve;
    private final int hourHighReserve;
    private final Clock clock;
    private Instant pausedUntil = Instant.MIN;

    FamilyBudget(ApiFamily family, FamilyLimit limit, Duration window, double lowPriorityReserve, Clock clock) {
        this(family, limit, window, lowPriorityReserve, 0, clock);
    }

    FamilyBudget(ApiFamily family, FamilyLimit limit, Duration window, double lowPriorityReserve,
            double highPriorityReserve, Clock clock) {
        this.family = family;
        this.limit = limit;
        this.minute = new SlidingLimit(limit.perMinute(), window);
        this.hour = new SlidingLimit(limit.perHour(), window.multipliedBy(60));
        this.minuteHighReserve = reserve(limit.perMinute(), highPriorityReserve);
        this.hourHighReserve = reserve(limit.perHour(), highPriorityReserve);
        // Low calls leave at least what normal calls leave: Normal always goes before Low.
        this.minuteReserve = Math.max(reserve(limit.perMinute(), lowPriorityReserve), minuteHighReserve);
        this.hourReserve = Math.max(reserve(limit.perHour(), lowPriorityReserve), hourHighReserve);
        this.clock = clock;
    }

    /**
     * Tokens that low-priority calls leave to others: the given share of the capacity, at least one when there
     * are two or more (so a normal call never waits behind a low one), none when there is only one.
     */
    static int reserve(int capacity, double share) {
        if (capacity < 2 || share <= 0) {
            return 0;
        }
        return Math.min(capacity - 1, Math.max(1, (int) Math.round(capacity * share)));
    }

    FamilyLimit limit() {
        return limit;
    }

    /** A token, or how long until one may be free (null: until a call in flight ends). */
    record Attempt(Permit permit, Duration delay) {
    }

    /** Takes a token if one is free for this priority now; never blocks. */
    synchronized Attempt tryAcquire(CallPriority priority) {
        Instant now = clock.instant();
        Optional<Instant> freeAt = freeAt(priority, now);
        if (freeAt.isPresent() && !freeAt.get().isAfter(now)) {
            minute.take();
            hour.take();
            return new Attempt(permit(), null);
        }
        return new Attempt(null, freeAt.map(at -> Duration.between(now, at)).orElse(null));
    }

    /** Whether a call of this priority would get a token now, without taking it. */
    synchronized boolean hasHeadroom(CallPriority priority) {
        Instant now = clock.instant();
        return freeAt(priority, now).filter(at -> !at.isAfter(now)).isPresent();
    }

    /**
     * Waits up to {@code maxWait} for a token. Fails at once, without waiting, when the budget can already tell
     * that none will be free in time (a long pause, an hour limit used up).
     */
    Permit acquire(CallPriority priority, Duration maxWait) throws InterruptedException {
        return await(priority, maxWait);
    }

    /**
     * Waits up to {@code maxWait} until a call of this priority would get a token; takes none. Unlike
     * {@link #acquire}, it waits the whole {@code maxWait} even when it knows no token will come in time, so a
     * caller that loops on it never spins.
     */
    synchronized boolean awaitHeadroom(CallPriority priority, Duration maxWait) throws InterruptedException {
        long deadline = System.nanoTime() + Math.max(0, maxWait.toNanos());
        while (true) {
            Instant now = clock.instant();
            Optional<Instant> freeAt = limit.none() ? Optional.empty() : freeAt(priority, now);
            if (freeAt.isPresent() && !freeAt.get().isAfter(now)) {
                return true;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            long nanos = freeAt.map(at -> Math.min(left, Duration.between(now, at).toNanos())).orElse(left);
            TimeUnit.NANOSECONDS.timedWait(this, Math.max(nanos, TimeUnit.MILLISECONDS.toNanos(1)));
        }
    }

    /** Every caller of the family waits until {@code wait} from now (a 429's Retry-After). */
    synchronized void pause(Duration wait) {
        Instant until = clock.instant().plus(wait);
        if (until.isAfter(pausedUntil)) {
            pausedUntil = until;
        }
        notifyAll();
    }

    synchronized Optional<Instant> pausedUntil() {
        return clock.instant().isBefore(pausedUntil) ? Optional.of(pausedUntil) : Optional.empty();
    }

    synchronized int availablePerMinute() {
        return minute.available(clock.instant());
    }

    synchronized int availablePerHour() {
        return hour.available(clock.instant());
    }

    private synchronized Permit await(CallPriority priority, Duration maxWait) throws InterruptedException {
        if (limit.none()) {
            throw new BudgetExhaustedException(family, null, "this service has no share of the " + family.configName()
                    + " budget (set defender.budget." + family.configName() + ".per-minute and .per-hour)");
        }
        long deadline = System.nanoTime() + Math.max(0, maxWait.toNanos());
        while (true) {
            Attempt attempt = tryAcquire(priority);
            if (attempt.permit() != null) {
                return attempt.permit();
            }
            Duration wait = attempt.delay();
            long left = deadline - System.nanoTime();
            if (left <= 0 || (wait != null && wait.toNanos() > left)) {
                throw new BudgetExhaustedException(family, wait, "no " + family.configName() + " call budget within "
                        + maxWait.toMillis() + " ms (" + limit + " for this process"
                        + (wait == null ? "" : "; next token in " + wait.toMillis() + " ms") + ")");
            }
            long nanos = wait == null ? left : Math.min(left, wait.toNanos());
            TimeUnit.NANOSECONDS.timedWait(this, Math.max(nanos, TimeUnit.MILLISECONDS.toNanos(1)));
        }
    }

    private Optional<Instant> freeAt(CallPriority priority, Instant now) {
        if (now.isBefore(pausedUntil)) {
            return Optional.of(pausedUntil);
        }
        Optional<Instant> minuteFree = minute.whenAvailable(now, 1 + switch (priority) {
            case HIGH -> 0;
            case NORMAL -> minuteHighReserve;
            case LOW -> minuteReserve;
        });
        Optional<Instant> hourFree = hour.whenAvailable(now, 1 + switch (priority) {
            case HIGH -> 0;
            case NORMAL -> hourHighReserve;
            case LOW -> hourReserve;
        });
        if (minuteFree.isEmpty() || hourFree.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(minuteFree.get().isAfter(hourFree.get()) ? minuteFree.get() : hourFree.get());
    }

    private Permit permit() {
        AtomicBoolean released = new AtomicBoolean();
        return () -> {
            if (released.compareAndSet(false, true)) {
                release();
            }
        };
    }

    private synchronized void release() {
        Instant now = clock.instant();
        minute.giveBack(now);
        hour.giveBack(now);
        notifyAll();
    }
}
