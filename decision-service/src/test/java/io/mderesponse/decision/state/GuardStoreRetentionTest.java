package io.mderesponse.decision.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.DecisionOutcome;
import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.decision.Samples;
import io.mderesponse.testsupport.kafka.SharedKafkaBroker;
import io.mderesponse.testsupport.kafka.TopicReader;
import io.mderesponse.testsupport.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On the real broker: settled held decisions and their settle claims leave memory and the approvals topic once past
 * {@code approval.settled-retention}, pending ones stay however old, a settled one inside the retention is still
 * found (so an approval for it is answered as settled, never acted on again), and the budget's verdicts in memory
 * are bounded by the cap window.
 */
class GuardStoreRetentionTest {

    private static final Duration RETENTION = Duration.ofHours(1);
    private static final Duration TTL = Duration.ofMinutes(30);

    private final ManualClock clock = new ManualClock();
    private final List<GuardStore> opened = new ArrayList<>();
    private final TestGuardConfig config = TestGuardConfig.withOwnTopics();

    @BeforeEach
    void createTopics() {
        config.createTopics();
    }

    @AfterEach
    void close() {
        opened.forEach(GuardStore::close);
    }

    @Test
    void settledHeldDecisionsPastTheRetentionLeaveMemoryAndTopicWhileNewerOnesAreStillFound() {
        GuardStore store = open();
        int perHour = 20;
        HeldDecision last = null;
        // Ten hours of held decisions, three minutes apart, each settled at once: its claim, then its state.
        for (int hour = 0; hour < 10; hour++) {
            for (int i = 0; i < perHour; i++) {
                HeldDecision claim = claim(held(clock.instant()));
                assertThat(store.claimSettlement(claim)).isTrue();
                last = claim.asPublished();
                store.putHeld(last);
                clock.advance(Duration.ofMinutes(3));
            }
            store.expireDue();
            // Settled at most TTL + retention ago: the number held in that span bounds what is kept.
            assertThat(store.heldCount()).as("held decisions in memory after hour %d", hour)
                    .isLessThanOrEqualTo(perHour * 3 / 2);
        }

        String approvals = GuardStore.nameOf(Topics.DECISION_APPROVALS, config);
        assertThat(TopicReader.liveKeys(SharedKafkaBroker.bootstrapServers(), approvals))
                .as("a state and a claim per hold kept").hasSizeLessThanOrEqualTo(2 * perHour * 3 / 2);
        assertThat(store.held(last.held().decisionId())).hasValueSatisfying(
                held -> assertThat(held.pending()).isFalse());
        GuardStore restarted = open();
        assertThat(restarted.allHeld()).hasSizeLessThanOrEqualTo(perHour * 3 / 2);
        assertThat(restarted.held(last.held().decisionId())).isPresent();
    }

    @Test
    void aPendingHeldDecisionIsKeptHoweverOld() {
        GuardStore store = open();
        HeldDecision pending = held(clock.instant());
        store.putHeld(pending);

        clock.advance(Duration.ofDays(30));
        assertThat(store.expireDue()).isZero();

        assertThat(store.held(pending.held().decisionId())).hasValueSatisfying(
                held -> assertThat(held.pending()).isTrue());
    }

    @Test
    void refusedAndGrantedBudgetVerdictsAreForgottenTwoCapWindowsLater() {
        GuardStore store = open();
        // 10 hours of claims, one a minute, under a cap of 2 an hour: most are refused.
        BudgetClaim lastGranted = null;
        for (int minute = 0; minute < 600; minute++) {
            BudgetClaim claim = new BudgetClaim(UUID.randomUUID(), Samples.uniqueMachineId(), UUID.randomUUID(),
                    clock.instant(), false);
            if (store.claim(claim)) {
                lastGranted = claim;
            }
            clock.advance(Duration.ofMinutes(1));
        }

        assertThat(store.budgetVerdictCount()).isLessThanOrEqualTo(2 * 60 + 1);
        long used = store.isolationsInWindow();
        BudgetClaim redelivered = new BudgetClaim(lastGranted.requestId(), lastGranted.machineId(),
                lastGranted.decisionId(), clock.instant(), false);
        assertThat(store.claim(redelivered)).as("a redelivered granted request inside the window").isTrue();
        assertThat(store.isolationsInWindow()).as("counted once").isEqualTo(used);
    }

    private HeldDecision held(Instant at) {
        return TestHolds.waiting(at, at.plus(TTL));
    }

    private static HeldDecision claim(HeldDecision held) {
        return held.claim(DecisionMade.settling(held.held(), DecisionOutcome.APPROVED, "lead@example.test",
                "Approved by lead@example.test"));
    }

    private GuardStore open() {
        GuardStore store = new GuardStore(Map.of("bootstrap.servers", SharedKafkaBroker.bootstrapServers()), config,
                RETENTION, clock);
        opened.add(store);
        return store;
    }
}
