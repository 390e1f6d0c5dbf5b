package io.mderesponse.defender.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mderesponse.defender.client.api.DefenderHttpError;
import io.mderesponse.defender.client.budget.CallPriority;
import io.mderesponse.defender.client.budget.DefenderBudget;
import io.mderesponse.defender.client.budget.FamilyLimit;
import io.mderesponse.defender.client.error.DefenderBudgetExhaustedException;
import io.mderesponse.defender.client.error.DefenderThrottledException;
import io.mderesponse.defender.client.error.ErrorDetails;
import io.mderesponse.defender.client.retry.RetryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** How the retry loop uses the budget: a token per request, a pause per 429, nothing sent without a token. */
class DefenderCallsBudgetTest {

    private final List<Duration> waits = new ArrayList<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final List<String> statuses = new ArrayList<>();
    private final CallObserver observer = new CallObserver() {
        @Override
        public void called(DefenderOperation operation, String status) {
            statuses.add(operation.family().configName() + " " + status);
        }
    };

    private DefenderCalls calls(DefenderBudget budget) {
        return new DefenderCalls(new RetryPolicy(Duration.ofMillis(100), Duration.ofMillis(400), 4,
                Duration.ofSeconds(10)), waits::add, Clock.systemUTC(), budget, Duration.ZERO, observer);
    }

    private static DefenderBudget budget(ApiFamily family, int perMinute) {
        return new DefenderBudget(Map.of(family, new FamilyLimit(perMinute, 1000)), Duration.ofMinutes(1), 0.2,
                Clock.systemUTC());
    }

    @Test
    void a429PausesTheFamilyForEveryCallerOfTheProcess() {
        DefenderBudget budget = budget(ApiFamily.ALERTS, 100);
        DefenderCalls defender = calls(budget);

        assertThatThrownBy(() -> defender.run(DefenderOperation.GET_ALERT, () -> {
            sent.incrementAndGet();
            throw new DefenderHttpError(new ErrorDetails(429, "TooManyRequests", "slow down", null), "3600");
        })).isInstanceOf(DefenderThrottledException.class);

        assertThat(budget.pausedUntil(ApiFamily.ALERTS)).isPresent();
        assertThat(budget.pausedUntil(ApiFamily.MACHINES)).isEmpty();
        // Another caller of the family is refused without sending anything (it may not wait an hour).
        assertThatThrownBy(() -> defender.run(DefenderOperation.LIST_ALERTS, () -> {
            sent.incrementAndGet();
            return "never";
        })).isInstanceOfSatisfying(DefenderBudgetExhaustedException.class, e -> {
            assertThat(e.httpStatus()).isZero();
            assertThat(e.retryAfter()).hasValueSatisfying(wait -> assertThat(wait).isGreaterThan(Duration.ofMinutes(59)));
            assertThat(e.isTransient()).isTrue();
        }).hasMessageContaining("not sent");
        assertThat(sent).hasValue(1);
        assertThat(statuses).containsExactly("alerts 429");
    }

    @Test
    void everyRequestTakesATokenAndTheTallyCountsEveryRequest() {
        DefenderBudget budget = budget(ApiFamily.MACHINES, 3);
        DefenderCalls defender = calls(budget);
        AtomicInteger attempt = new AtomicInteger();

        try (CallTally tally = CallTally.start()) {
            Object result = defender.run(DefenderOperation.GET_MACHINE, () -> {
                if (attempt.incrementAndGet() == 1) {
                    throw new DefenderHttpError(new ErrorDetails(503, null, null, null), null);
                }
                return "ok";
            });
            assertThat(result).isEqualTo("ok");
            assertThat(tally.calls()).isEqualTo(2);
        }
        assertThat(budget.availablePerMinute(ApiFamily.MACHINES)).isEqualTo(1);
        assertThat(statuses).containsExactly("machines 503", "machines 2xx");
    }

    @Test
    void aLowPriorityCallThatMayNotWaitFailsUnsentWhenOnlyTheReserveIsLeft() {
        DefenderBudget budget = budget(ApiFamily.ALERTS, 5);
        DefenderCalls defender = calls(budget);
        for (int i = 0; i < 4; i++) {
            defender.run(DefenderOperation.GET_ALERT, () -> "ok");
        }

        assertThatThrownBy(() -> defender.run(DefenderOperation.GET_ALERT,
                CallOptions.of(CallPriority.LOW).withMaxWait(Duration.ZERO), () -> {
                    sent.incrementAndGet();
                    return "ok";
                })).isInstanceOf(DefenderBudgetExhaustedException.class);
        assertThat(sent).hasValue(0);
        assertThat(defender.run(DefenderOperation.GET_ALERT, () -> "normal")).isEqualTo("normal");
    }
}
