package io.mderesponse.decision.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IsolationBudgetTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");
    private final IsolationBudget budget = new IsolationBudget(3, Duration.ofHours(1));

    @Test
    void grantsUpToTheCapWithinTheWindowThenRefuses() {
        assertThat(budget.apply(claim(T0))).isTrue();
        assertThat(budget.apply(claim(T0.plusSeconds(1)))).isTrue();
        assertThat(budget.apply(claim(T0.plusSeconds(2)))).isTrue();
        assertThat(budget.apply(claim(T0.plusSeconds(3)))).isFalse();
    }

    @Test
    void claimsAppendedOutOfTimeOrderStillGrantNoMoreThanTheCap() {
        // Two replicas stamp their claims, then append them: the log holds a later stamp before an earlier one.
        assertThat(budget.apply(claim(T0.plusMillis(500)))).isTrue();
        assertThat(budget.apply(claim(T0.plusMillis(600)))).isTrue();
        assertThat(budget.apply(claim(T0.plusMillis(999)))).isTrue();
        assertThat(budget.apply(claim(T0.plusMillis(998)))).isFalse();
        assertThat(budget.used(T0.plusSeconds(1))).isEqualTo(3);
    }

    @Test
    void grantsOlderThanTheWindowNoLongerCount() {
        budget.apply(claim(T0));
        budget.apply(claim(T0.plusSeconds(1)));
        budget.apply(claim(T0.plusSeconds(2)));
        assertThat(budget.apply(claim(T0.plusSeconds(3600)))).isTrue();
        assertThat(budget.apply(claim(T0.plusSeconds(3600)))).isFalse();
    }

    @Test
    void aRedeliveredGrantedClaimIsGrantedAgainWithoutCountingTwice() {
        BudgetClaim first = claim(T0);
        assertThat(budget.apply(first)).isTrue();
        assertThat(budget.apply(first)).isTrue();
        assertThat(budget.apply(claim(T0.plusSeconds(1)))).isTrue();
        assertThat(budget.apply(claim(T0.plusSeconds(2)))).isTrue();
        assertThat(budget.apply(claim(T0.plusSeconds(3)))).isFalse();
    }

    @Test
    void anApprovalIsAlwaysGrantedAndCounted() {
        budget.apply(claim(T0));
        budget.apply(claim(T0));
        budget.apply(claim(T0));
        BudgetClaim approval = new BudgetClaim(UUID.randomUUID(), "m", UUID.randomUUID(), T0.plusSeconds(1), true);
        assertThat(budget.apply(approval)).isTrue();
        assertThat(budget.used(T0.plusSeconds(2))).isEqualTo(4);
        assertThat(budget.verdict(approval.requestId())).isTrue();
    }

    private static BudgetClaim claim(Instant at) {
        return new BudgetClaim(UUID.randomUUID(), "machine", UUID.randomUUID(), at, false);
    }
}
