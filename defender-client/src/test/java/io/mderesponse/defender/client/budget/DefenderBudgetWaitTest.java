package io.mderesponse.defender.client.budget;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.defender.client.ApiFamily;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Waiting for tokens on the real clock, with many threads, with a window of 200 ms. */
class DefenderBudgetWaitTest {

    private static final Duration WINDOW = Duration.ofMillis(200);

    @Test
    void manyThreadsWaitForTokensAndTogetherStayWithinTheShareOfEveryWindow() throws Exception {
        DefenderBudget budget = new DefenderBudget(Map.of(ApiFamily.MACHINES, new FamilyLimit(5, 1000)), WINDOW, 0,
                Clock.systemUTC());
        List<Instant> starts = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            for (int i = 0; i < 40; i++) {
                pool.submit(() -> {
                    Permit permit = budget.acquire(ApiFamily.MACHINES, CallPriority.NORMAL, Duration.ofSeconds(10));
                    starts.add(Instant.now());
                    TimeUnit.MILLISECONDS.sleep(5); // the call
                    permit.release();
                    return null;
                });
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        List<Instant> sorted = starts.stream().sorted().toList();
        assertThat(sorted).hasSize(40);
        for (int i = 0; i + 5 < sorted.size(); i++) {
            assertThat(Duration.between(sorted.get(i), sorted.get(i + 5))).isGreaterThanOrEqualTo(WINDOW);
        }
    }

    @Test
    void aLowCallWaitsUntilTheReserveIsFreeWhileANormalOneTakesTheLastToken() throws Exception {
        DefenderBudget budget = new DefenderBudget(Map.of(ApiFamily.ALERTS, new FamilyLimit(2, 1000)), WINDOW, 0.2,
                Clock.systemUTC());
        Permit first = budget.acquire(ApiFamily.ALERTS, CallPriority.NORMAL, Duration.ZERO);
        Permit second = budget.acquire(ApiFamily.ALERTS, CallPriority.NORMAL, Duration.ZERO);
        first.release();
        second.release();

        assertThat(budget.hasHeadroom(ApiFamily.ALERTS, CallPriority.LOW)).isFalse();
        // One window on, both tokens are back: the low call needs both (one is the reserve), the normal one.
        assertThat(budget.awaitHeadroom(ApiFamily.ALERTS, CallPriority.LOW, Duration.ofSeconds(2))).isTrue();
        Permit normal = budget.acquire(ApiFamily.ALERTS, CallPriority.NORMAL, Duration.ZERO);
        assertThat(budget.hasHeadroom(ApiFamily.ALERTS, CallPriority.LOW)).isFalse();
        assertThat(budget.hasHeadroom(ApiFamily.ALERTS, CallPriority.NORMAL)).isTrue();
        normal.release();
    }

    @Test
    void familiesWithoutALimitAreNotRationed() throws Exception {
        DefenderBudget budget = DefenderBudget.unlimited();

        assertThat(budget.acquire(ApiFamily.ISOLATE, CallPriority.LOW, Duration.ZERO)).isSameAs(Permit.NONE);
        assertThat(budget.hasHeadroom(ApiFamily.ISOLATE, CallPriority.LOW)).isTrue();
        assertThat(budget.limit(ApiFamily.ISOLATE)).isEmpty();
    }

    @Test
    void waitingForHeadroomThatCannotComeInTimeStillWaitsTheWholeWhileSoLoopsNeverSpin() throws Exception {
        DefenderBudget budget = new DefenderBudget(Map.of(ApiFamily.ALERTS, new FamilyLimit(10, 100),
                ApiFamily.ISOLATE, new FamilyLimit(0, 0)), WINDOW, 0.2, Clock.systemUTC());
        budget.pause(ApiFamily.ALERTS, Duration.ofHours(1));

        long start = System.nanoTime();
        assertThat(budget.awaitHeadroom(ApiFamily.ALERTS, CallPriority.NORMAL, Duration.ofMillis(300))).isFalse();
        assertThat(budget.awaitHeadroom(ApiFamily.ISOLATE, CallPriority.NORMAL, Duration.ofMillis(300))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
    }
}
