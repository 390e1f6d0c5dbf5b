package io.mderesponse.decision.service.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.contracts.defender.IsolationType;
import io.mderesponse.contracts.event.AlertEnriched;
import io.mderesponse.contracts.event.AlertSummary;
import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.DecisionOutcome;
import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.contracts.event.MachineActionType;
import io.mderesponse.contracts.event.RequestIds;
import io.mderesponse.contracts.event.RuleAction;
import io.mderesponse.decision.Samples;
import io.mderesponse.decision.config.ApprovalConfig;
import io.mderesponse.decision.messaging.DecisionPublisher;
import io.mderesponse.decision.service.Decision;
import io.mderesponse.decision.service.guard.ApprovalService.Result;
import io.mderesponse.decision.state.BudgetClaim;
import io.mderesponse.decision.state.GuardStore;
import io.mderesponse.decision.state.HeldDecision;
import io.mderesponse.decision.state.MachineGuard;
import io.mderesponse.decision.state.TestGuardConfig;
import io.mderesponse.decision.state.TestHolds;
import io.mderesponse.testsupport.kafka.TestTopics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the approval service on the real broker, each with its own {@link GuardStore} (their whole shared
 * state is the guard topics, as for two JVMs): an approval racing the other replica's expiry, and two approvals on
 * the two replicas, settle a hold once, with one published outcome and at most one request, round after round;
 * a settlement won but not published before a stop is published once, at the next start; an alert decided again
 * on the other replica finds the hold it already has.
 */
class ApprovalsAcrossReplicasTest {

    private static final int ROUNDS = 5;

    private final TestGuardConfig config = TestGuardConfig.withOwnTopics();
    private final List<Published> published = new CopyOnWriteArrayList<>();
    private final List<GuardStore> stores = new ArrayList<>();
    private final ExecutorService callers = Executors.newFixedThreadPool(2);
    private Replica a;
    private Replica b;

    @BeforeEach
    void startTwoReplicas() {
        config.createTopics();
        a = replica("a");
        b = replica("b");
    }

    @AfterEach
    void stop() {
        callers.shutdownNow();
        stores.forEach(GuardStore::close);
    }

    @Test
    void anApprovalAtTheDeadlineRacingTheOtherReplicasExpirySettlesTheHoldOnce() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            // The deadline is now: A's approval and B's expiry sweep both find the hold waiting and due.
            HeldDecision hold = hold(Instant.now());
            List<Object> answers = race(() -> a.approvals.settle(id(hold), true, "alice", null),
                    () -> {
                        b.approvals.expireDue();
                        return "swept";
                    });

            List<DecisionMade> outcomes = settling(hold);
            assertThat(outcomes).as("round %d: terminal decisions", round).hasSize(1);
            DecisionOutcome won = outcomes.get(0).outcome();
            assertThat(won).isIn(DecisionOutcome.APPROVED, DecisionOutcome.EXPIRED);
            assertThat(answers.get(0)).as("round %d: the approval's answer (204 or 409)", round)
                    .isEqualTo(won == DecisionOutcome.APPROVED ? Result.SETTLED : Result.ALREADY_SETTLED);
            assertThat(requests(hold)).as("round %d: requests", round)
                    .hasSize(won == DecisionOutcome.APPROVED ? 1 : 0);
            assertBothReplicasSee(hold, won);
        }
    }

    @Test
    void twoApprovalsOfOneHoldOnTwoReplicasSettleItOnceAndTheLaterIsAConflict() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            HeldDecision hold = hold(Instant.now().plus(Duration.ofHours(1)));
            List<Object> answers = race(() -> a.approvals.settle(id(hold), true, "alice", null),
                    () -> b.approvals.settle(id(hold), true, "carol", "on call"));

            assertThat(answers).as("round %d: one 204 and one 409", round)
                    .containsExactlyInAnyOrder(Result.SETTLED, Result.ALREADY_SETTLED);
            String winner = answers.get(0) == Result.SETTLED ? "alice" : "carol";
            assertThat(settling(hold)).as("round %d: terminal decisions", round).singleElement()
                    .satisfies(d -> {
                        assertThat(d.outcome()).isEqualTo(DecisionOutcome.APPROVED);
                        assertThat(d.approvedBy()).isEqualTo(winner);
                    });
            assertThat(requests(hold)).as("round %d: requests", round).hasSize(1);
            assertBothReplicasSee(hold, DecisionOutcome.APPROVED);
        }
    }

    @Test
    void aDenialRacingAnApprovalOnTheOtherReplicaPublishesOnlyTheOutcomeThatWon() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            HeldDecision hold = hold(Instant.now().plus(Duration.ofHours(1)));
            List<Object> answers = race(() -> a.approvals.settle(id(hold), true, "alice", null),
                    () -> b.approvals.settle(id(hold), false, "carol", null));

            assertThat(answers).containsExactlyInAnyOrder(Result.SETTLED, Result.ALREADY_SETTLED);
            DecisionOutcome won = answers.get(0) == Result.SETTLED ? DecisionOutcome.APPROVED : DecisionOutcome.DENIED;
            assertThat(settling(hold)).as("round %d", round).extracting(DecisionMade::outcome).containsExactly(won);
            assertThat(requests(hold)).hasSize(won == DecisionOutcome.APPROVED ? 1 : 0);
            assertBothReplicasSee(hold, won);
        }
    }

    @Test
    void aSettlementWonButNotPublishedBeforeAStopIsPublishedOnceAtTheNextStart() {
        HeldDecision hold = hold(Instant.now().plus(Duration.ofHours(1)));
        // Replica A wins its claim and stops before publishing: what a crash between the two leaves behind.
        DecisionMade approval = DecisionMade.settling(hold.held(), DecisionOutcome.APPROVED, "alice",
                "Approved by alice");
        assertThat(a.store.claimSettlement(hold.claim(approval))).isTrue();
        assertThat(b.approvals.settle(id(hold), false, "carol", null)).as("settled, though not published yet")
                .isEqualTo(Result.ALREADY_SETTLED);
        b.approvals.expireDue();
        assertThat(published).isEmpty();

        Replica restarted = replica("a-restarted");
        restarted.approvals.publishUnpublished();

        assertThat(settling(hold)).as("the claimed settlement itself, its ids included").containsExactly(approval);
        assertThat(requests(hold)).singleElement().satisfies(request -> assertThat(request.requestId())
                .isEqualTo(RequestIds.forDecision(hold.held(), MachineActionType.Isolate)));
        assertThat(restarted.store.machine(hold.held().machineId())).hasValueSatisfying(
                guard -> assertThat(guard.status()).isEqualTo(MachineGuard.Status.PENDING));
        b.approvals.publishUnpublished();
        replica("b-restarted").approvals.publishUnpublished();
        assertThat(settling(hold)).as("published once").hasSize(1);
        assertThat(requests(hold)).hasSize(1);
    }

    @Test
    void anAlertDecidedAgainOnTheOtherReplicaBeyondTheCapFindsItsHoldInsteadOfMakingASecond() {
        for (int i = 0; i < config.maxIsolationsPerHour(); i++) {
            a.store.claim(new BudgetClaim(UUID.randomUUID(), Samples.uniqueMachineId(), UUID.randomUUID(),
                    Instant.now(), false));
        }
        String machineId = Samples.uniqueMachineId();
        AlertEnriched alert = AlertEnriched.of(Samples.alert(Samples.uniqueAlertId(), "High", machineId),
                Samples.machine(machineId));

        Decision first = a.guards.apply(alert, isolation(alert));
        // A rebalance hands the same alert to B, which decides it again (a new decision, the same request id).
        Decision again = b.guards.apply(alert, isolation(alert));

        assertThat(first.decision().outcome()).isEqualTo(DecisionOutcome.HELD);
        assertThat(again.decision()).as("the hold it already has").isEqualTo(first.decision());
        assertThat(again.request()).isEmpty();
        for (Replica replica : List.of(a, b)) {
            assertThat(replica.approvals.pending()).as(replica.name).filteredOn(held -> held.held().correlationId()
                    .equals(alert.alert().id())).hasSize(1);
        }
    }

    /** What the rules decide for a High alert: isolate its machine. */
    private static Decision isolation(AlertEnriched alert) {
        DecisionMade acted = DecisionMade.forAlert(AlertSummary.from(alert.alert(), alert.machine()), TestHolds.RULE,
                "v1", Map.of(), List.of(RuleAction.ISOLATE), IsolationType.Full, DecisionOutcome.ACTED,
                List.of("soc@example.test"), "High alert");
        return new Decision(acted, List.of(MachineActionRequested.of(acted, MachineActionType.Isolate,
                acted.machineId(), "isolate")));
    }

    /** Runs both at once (released together by a barrier) and answers their results in order. */
    private List<Object> race(Callable<Object> first, Callable<Object> second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Object>> running = new ArrayList<>();
        for (Callable<Object> call : List.of(first, second)) {
            running.add(callers.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return call.call();
            }));
        }
        List<Object> results = new ArrayList<>();
        for (Future<Object> result : running) {
            results.add(result.get(30, TimeUnit.SECONDS));
        }
        return results;
    }

    private void assertBothReplicasSee(HeldDecision hold, DecisionOutcome outcome) {
        for (Replica replica : List.of(a, b)) {
            assertThat(replica.store.held(id(hold))).as(replica.name).hasValueSatisfying(seen -> {
                assertThat(seen.settledAs()).isEqualTo(outcome);
                assertThat(seen.awaitingPublication()).isFalse();
            });
            assertThat(replica.approvals.pending()).extracting(HeldDecision::held).doesNotContain(hold.held());
        }
    }

    /**
     * A hold that both replicas list as waiting (as an approver's console would show it), so that each has read it
     * before the race and neither is slowed by reading it then.
     */
    private HeldDecision hold(Instant deadline) {
        HeldDecision hold = TestHolds.waiting(Instant.now(), deadline);
        a.store.putHeld(hold);
        for (Replica replica : List.of(a, b)) {
            assertThat(replica.approvals.pending()).as(replica.name).extracting(HeldDecision::held)
                    .contains(hold.held());
        }
        return hold;
    }

    private static UUID id(HeldDecision hold) {
        return hold.held().decisionId();
    }

    private List<DecisionMade> settling(HeldDecision hold) {
        return published.stream().map(p -> p.decision().decision())
                .filter(d -> id(hold).equals(d.supersedes())).toList();
    }

    private List<MachineActionRequested> requests(HeldDecision hold) {
        return published.stream().filter(p -> id(hold).equals(p.decision().decision().supersedes()))
                .flatMap(p -> p.decision().request().stream()).toList();
    }

    private Replica replica(String name) {
        GuardStore store = new GuardStore(TestTopics.kafka(), config, Duration.ofDays(7), Clock.systemUTC());
        stores.add(store);
        DecisionPublisher publisher = new DecisionPublisher(null, null, null, null) {
            @Override
            public void publish(Decision decision) {
                published.add(new Published(name, decision));
            }
        };
        return new Replica(name, store, new ApprovalService(store, publisher, new Approvals()),
                new Guards(store, config, new Approvals()));
    }

    /** One replica's state, approval service and guards. */
    private record Replica(String name, GuardStore store, ApprovalService approvals, Guards guards) {
    }

    /** What a replica published: the settling decision and, for an approval, its request. */
    private record Published(String replica, Decision decision) {
    }

    /** Holds wait an hour (the tests set each hold's deadline themselves) and are kept a week once settled. */
    private static final class Approvals implements ApprovalConfig {

        @Override
        public Duration ttl() {
            return Duration.ofHours(1);
        }

        @Override
        public Duration settledRetention() {
            return Duration.ofDays(7);
        }
    }
}
