package io.mderesponse.defender.client.budget;

import io.mderesponse.defender.client.ApiFamily;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * This process's share of Defender's rate limits, one budget per {@link ApiFamily}, shared by every caller of
 * the process. The Defender client takes a token before each call it sends and gives it back when the call ends;
 * a 429 pauses the family for its Retry-After for every caller. Services use it directly only to ask whether
 * low-priority work would find budget now ({@link #hasHeadroom}) or to wait until it would.
 */
public final class DefenderBudget {

    private final Map<ApiFamily, FamilyBudget> families;
    private final Duration window;

    /**
     * @param limits the share of each family; a family without an entry is not rationed
     * @param window the length of a "minute"; an "hour" is 60 of them
     * @param lowPriorityReserve the share of each limit that {@link CallPriority#LOW} calls leave to others
     */
    public DefenderBudget(Map<ApiFamily, FamilyLimit> limits, Duration window, double lowPriorityReserve,
            Clock clock) {
        this(limits, window, lowPriorityReserve, 0, clock);
    }

    /**
     * @param limits the share of each family; a family without an entry is not rationed
     * @param window the length of a "minute"; an "hour" is 60 of them
     * @param lowPriorityReserve the share of each limit that {@link CallPriority#LOW} calls leave to others
     * @param highPriorityReserve the share of each limit that {@link CallPriority#NORMAL} calls (and low ones) leave
     *     to {@link CallPriority#HIGH} calls
     */
    public DefenderBudget(Map<ApiFamily, FamilyLimit> limits, Duration window, double lowPriorityReserve,
            double highPriorityReserve, Clock clock) {
        Objects.requireNonNull(window, "window");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("defender.budget.window must be positive, got " + window);
        }
        if (lowPriorityReserve < 0 || lowPriorityReserve >= 1) {
            throw new IllegalArgumentException(
                    "defender.budget.low-priority-reserve must be at least 0 and below 1, got " + lowPriorityReserve);
        }
        if (highPriorityReserve < 0 || highPriorityReserve >= 1) {
            throw new IllegalArgumentException(
                    "defender.budget.high-priority-reserve must be at least 0 and below 1, got " + highPriorityReserve);
        }
        this.window = window;
        this.families = new EnumMap<>(ApiFamily.class);
        limits.forEach((family, limit) -> families.put(family,
                new FamilyBudget(family, limit, window, lowPriorityReserve, highPriorityReserve, clock)));
    }

    /** No rationing at all (unit tests of other parts). */
    public static DefenderBudget unlimited() {
        return new DefenderBudget(Map.of(), Duration.ofMinutes(1), 0, Clock.systemUTC());
    }

    /** The length of a "minute". */
    public Duration window() {
        return window;
    }

    /** The share of a family in force for this process, if the family is rationed. */
    public Optional<FamilyLimit> limit(ApiFamily family) {
        return budget(family).map(FamilyBudget::limit);
    }

    /**
     * Takes a token of the family, waiting up to {@code maxWait} for one.
     *
     * @throws BudgetExhaustedException when none is free in time (or the budget knows none will be), or the
     *     service has no share of the family; nothing may be sent then
     */
    public Permit acquire(ApiFamily family, CallPriority priority, Duration maxWait) throws InterruptedException {
        FamilyBudget budget = budget(family).orElse(null);
        return budget == null ? Permit.NONE : budget.acquire(priority, maxWait);
    }

    /** Whether a call of this family and priority would get a token now. */
    public boolean hasHeadroom(ApiFamily family, CallPriority priority) {
        return budget(family).map(b -> b.hasHeadroom(priority)).orElse(true);
    }

    /**
     * Waits up to {@code maxWait} until a call of this family and priority would get a token; takes none.
     *
     * @return whether it would now
     */
    public boolean awaitHeadroom(ApiFamily family, CallPriority priority, Duration maxWait)
            throws InterruptedException {
        FamilyBudget budget = budget(family).orElse(null);
        return budget == null || budget.awaitHeadroom(priority, maxWait);
    }

    /** Defender answered 429: no caller of this process sends a call of the family for {@code retryAfter}. */
    public void pause(ApiFamily family, Duration retryAfter) {
        budget(family).ifPresent(b -> b.pause(retryAfter));
    }

    /** Until when the family is paused by a 429, if it is. */
    public Optional<Instant> pausedUntil(ApiFamily family) {
        return budget(family).flatMap(FamilyBudget::pausedUntil);
    }

    /** Tokens of the family free now in the current "minute" (-1 when not rationed). */
    public int availablePerMinute(ApiFamily family) {
        return budget(family).map(FamilyBudget::availablePerMinute).orElse(-1);
    }

    /** Tokens of the family free now in the current "hour" (-1 when not rationed). */
    public int availablePerHour(ApiFamily family) {
        return budget(family).map(FamilyBudget::availablePerHour).orElse(-1);
    }

    private Optional<FamilyBudget> budget(ApiFamily family) {
        return Optional.ofNullable(families.get(Objects.requireNonNull(family, "family")));
    }
}
