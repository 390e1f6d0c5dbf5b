package io.mderesponse.defender.client.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mderesponse.defender.client.ApiFamily;
import io.mderesponse.testsupport.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of one family's budget, on a clock the test moves: no waiting involved. */
class FamilyBudgetTest {

    private static final Duration WINDOW = Duration.ofSeconds(10);

    private final ManualClock clock = new ManualClock();

    private FamilyBudget budget(int perMinute, int perHour, double reserve) {
        return new FamilyBudget(ApiFamily.ALERTS, new FamilyLimit(perMinute, perHour), WINDOW, reserve, clock);
    }

    private static List<Permit> take(FamilyBudget budget, CallPriority priority, int count) {
        List<Permit> permits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            FamilyBudget.Attempt attempt = budget.tryAcquire(priority);
            assertThat(attempt.permit()).as("token %d", i + 1).isNotNull();
            permits.add(attempt.permit());
        }
        return permits;
    }

    @Test
    void aWindowHoldsAtMostItsShareAndATokenReturnsOneWindowAfterItsCallEnded() {
        FamilyBudget budget = budget(3, 100, 0);
        List<Permit> permits = take(budget, CallPriority.NORMAL, 3);

        assertThat(budget.tryAcquire(CallPriority.NORMAL).permit()).isNull();
        assertThat(budget.tryAcquire(CallPriority.NORMAL).delay()).as("calls still in flight").isNull();

        clock.advance(Duration.ofSeconds(2));
        permits.forEach(Permit::release);
        clock.advance(Duration.ofSeconds(9));
        assertThat(budget.tryAcquire(CallPriority.NORMAL).delay()).isEqualTo(Duration.ofSeconds(1));

        clock.advance(Duration.ofSeconds(1));
        take(budget, CallPriority.NORMAL, 3);
    }

    @Test
    void tokensDoNotRefillAheadOfTime_soNoSpanOfOneWindowSeesMoreThanTheShare() {
        FamilyBudget budget = budget(4, 1000, 0);
        List<Long> sent = new ArrayList<>();
        // A caller that tries every 100 ms for 60 s; each call lasts 50 ms.
        for (long t = 0; t < 60_000; t += 100) {
            Permit permit = budget.tryAcquire(CallPriority.NORMAL).permit();
            if (permit != null) {
                sent.add(t);
                clock.advance(Duration.ofMillis(50));
                permit.release();
                clock.advance(Duration.ofMillis(50));
            } else {
                clock.advance(Duration.ofMillis(100));
            }
        }
        for (int i = 0; i + 4 < sent.size(); i++) {
            assertThat(sent.get(i + 4) - sent.get(i)).as("five calls within one window").isGreaterThan(10_000);
        }
        assertThat(sent).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void theHourLimitHoldsAcrossWindows() {
        FamilyBudget budget = budget(10, 25, 0);
        int sent = 0;
        for (int window = 0; window < 60; window++) {
            FamilyBudget.Attempt attempt;
            while ((attempt = budget.tryAcquire(CallPriority.NORMAL)).permit() != null) {
                attempt.permit().release();
                sent++;
            }
            clock.advance(WINDOW);
        }
        assertThat(sent).isEqualTo(25);
    }

    @Test
    void lowPriorityLeavesTheReserveToNormalCalls() {
        FamilyBudget budget = budget(10, 1000, 0.2);

        take(budget, CallPriority.LOW, 8);
        assertThat(budget.hasHeadroom(CallPriority.LOW)).isFalse();
        assertThat(budget.tryAcquire(CallPriority.LOW).permit()).isNull();
        assertThat(budget.hasHeadroom(CallPriority.NORMAL)).isTrue();
        take(budget, CallPriority.NORMAL, 2);
        assertThat(budget.hasHeadroom(CallPriority.NORMAL)).isFalse();
    }

    @Test
    void aReserveIsAtLeastOneTokenWhenThereAreTwoOrMore() {
        assertThat(FamilyBudget.reserve(1, 0.2)).isZero();
        assertThat(FamilyBudget.reserve(2, 0.2)).isEqualTo(1);
        assertThat(FamilyBudget.reserve(100, 0.2)).isEqualTo(20);
        assertThat(FamilyBudget.reserve(1500, 0.2)).isEqualTo(300);
        assertThat(FamilyBudget.reserve(100, 0)).isZero();
    }

    @Test
    void aPauseStopsEveryCallerUntilItEnds() {
        FamilyBudget budget = budget(10, 100, 0);
        budget.pause(Duration.ofSeconds(7));

        FamilyBudget.Attempt attempt = budget.tryAcquire(CallPriority.NORMAL);
        assertThat(attempt.permit()).isNull();
        assertThat(attempt.delay()).isEqualTo(Duration.ofSeconds(7));
        assertThat(budget.pausedUntil()).isPresent();

        budget.pause(Duration.ofSeconds(1)); // a shorter pause never shortens a longer one
        clock.advance(Duration.ofSeconds(6));
        assertThat(budget.tryAcquire(CallPriority.NORMAL).permit()).isNull();
        clock.advance(Duration.ofSeconds(1));
        assertThat(budget.tryAcquire(CallPriority.NORMAL).permit()).isNotNull();
    }

    @Test
    void aCallFailsAtOnceWhenTheBudgetKnowsNoTokenComesInTime() {
        FamilyBudget budget = budget(10, 100, 0);
        budget.pause(Duration.ofSeconds(30));

        long start = System.nanoTime();
        assertThatThrownBy(() -> budget.acquire(CallPriority.NORMAL, Duration.ofSeconds(5)))
                .isInstanceOfSatisfying(BudgetExhaustedException.class, e -> {
                    assertThat(e.family()).isEqualTo(ApiFamily.ALERTS);
                    assertThat(e.nextToken()).contains(Duration.ofSeconds(30));
                })
                .hasMessageContaining("no alerts call budget within 5000 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void aServiceWithoutAShareOfTheFamilyCannotCallIt() {
        FamilyBudget budget = budget(0, 0, 0.2);

        assertThatThrownBy(() -> budget.acquire(CallPriority.NORMAL, Duration.ofSeconds(5)))
                .isInstanceOf(BudgetExhaustedException.class)
                .hasMessageContaining("no share of the alerts budget");
    }

    @Test
    void normalCallsLeaveTheHighReserveToHighCallsAndLowCallsLeaveAtLeastAsMuch() {
        FamilyBudget budget = new FamilyBudget(ApiFamily.MACHINES, new FamilyLimit(10, 1000), WINDOW, 0.2, 0.3,
                clock);

        take(budget, CallPriority.NORMAL, 7);
        assertThat(budget.tryAcquire(CallPriority.NORMAL).permit()).as("the last 3 are High's").isNull();
        assertThat(budget.tryAcquire(CallPriority.LOW).permit()).as("Low leaves at least as much as Normal").isNull();
        assertThat(budget.hasHeadroom(CallPriority.HIGH)).isTrue();

        take(budget, CallPriority.HIGH, 3);
        assertThat(budget.tryAcquire(CallPriority.HIGH).permit()).isNull();
    }

    @Test
    void withoutAHighReserveNormalCallsUseTheWholeWindowAsBefore() {
        FamilyBudget budget = budget(10, 1000, 0.2);

        take(budget, CallPriority.LOW, 8);
        assertThat(budget.tryAcquire(CallPriority.LOW).permit()).isNull();
        take(budget, CallPriority.NORMAL, 2);
    }
}
