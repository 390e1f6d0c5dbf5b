package io.mderesponse.decision.service.guard;

import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.DecisionOutcome;
import io.mderesponse.contracts.event.RequestedAction;
import io.mderesponse.decision.config.ApprovalConfig;
import io.mderesponse.decision.messaging.DecisionPublisher;
import io.mderesponse.decision.service.Decision;
import io.mderesponse.decision.state.BudgetClaim;
import io.mderesponse.decision.state.GuardStore;
import io.mderesponse.decision.state.HeldDecision;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Held decisions: listing, approving (an {@code APPROVED} decision, a budget claim that always counts, the machine
 * windows, then the requests of the whole held plan), denying, and expiring after {@code approval.ttl}. Replicas
 * agree on one outcome per hold through the approvals log: each claims, the first claim wins, only the winner
 * publishes (the lock here only keeps this replica's own calls apart).
 */
@ApplicationScoped
public class ApprovalService {

    private static final Logger LOG = Logger.getLogger(ApprovalService.class);

    /** The outcome of settling a hold by hand. */
    public enum Result { SETTLED, NOT_FOUND, ALREADY_SETTLED }

    private final GuardStore store;
    private final DecisionPublisher publisher;
    private final Duration checkEvery;
    private ScheduledExecutorService expiry;

    public ApprovalService(GuardStore store, DecisionPublisher publisher, ApprovalConfig config) {
        this.store = store;
        this.publisher = publisher;
        long tenth = config.ttl().toMillis() / 10;
        this.checkEvery = Duration.ofMillis(Math.max(100, Math.min(tenth, 10_000)));
    }

    void onStart(@Observes StartupEvent event) {
        expiry = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "approval-expiry");
            thread.setDaemon(true);
            return thread;
        });
        // First, what a replica that stopped between winning and publishing left undone (its own or another's).
        expiry.execute(this::publishUnpublished);
        expiry.scheduleWithFixedDelay(this::expireDue, checkEvery.toMillis(), checkEvery.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (expiry != null) {
            expiry.shutdownNow();
        }
    }

    public List<HeldDecision> pending() {
        return store.allHeld().stream().filter(HeldDecision::pending)
                .sorted(Comparator.comparing(HeldDecision::heldAt)).toList();
    }

    /**
     * Approves or denies a waiting hold. Whichever replica receives the call, it only claims the settlement; the
     * first claim in the approvals log wins ({@link GuardStore#claimSettlement}), and only the winner publishes.
     * Answers {@link Result#ALREADY_SETTLED} when the hold was settled before, or another claim (an approval or
     * denial on another replica, an expiry) came first.
     */
    public synchronized Result settle(UUID decisionId, boolean approve, String by, String comment) {
        Optional<HeldDecision> found = store.held(decisionId);
        if (found.isEmpty()) {
            return Result.NOT_FOUND;
        }
        HeldDecision held = found.get();
        if (!held.pending()) {
            return Result.ALREADY_SETTLED;
        }
        String why = comment == null || comment.isBlank() ? "" : ": " + comment;
        DecisionMade settlement = approve
                ? DecisionMade.settling(held.held(), DecisionOutcome.APPROVED, by, "Approved by " + by + why)
                : DecisionMade.settling(held.held(), DecisionOutcome.DENIED, by, "Denied by " + by + why);
        return settleFirst(held, settlement) ? Result.SETTLED : Result.ALREADY_SETTLED;
    }

    /** Settles as EXPIRED every waiting hold past its deadline whose expiry claim wins. */
    synchronized void expireDue() {
        try {
            Instant now = Instant.now();
            for (HeldDecision held : pending()) {
                if (!now.isBefore(held.expiresAt())) {
                    settleFirst(held, DecisionMade.settling(held.held(), DecisionOutcome.EXPIRED, null,
                            "Neither approved nor denied by " + held.expiresAt()));
                }
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not expire held decisions; trying again in %s: %s", checkEvery, e.getMessage());
        }
    }

    /**
     * Publishes the settlements whose claim won but which were never published (the winner stopped between the
     * two). They are published as claimed, ids included: the request id is derived from the alert and rule, so
     * response-service acts on it at most once even if the winner had published it after all.
     */
    synchronized void publishUnpublished() {
        try {
            for (HeldDecision won : store.awaitingPublication()) {
                LOG.warnf("Held decision %s of alert=%s was settled as %s but not published: publishing it now",
                        won.held().decisionId(), won.held().correlationId(), won.settledAs());
                publish(won);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not publish settled held decisions; trying again at the next start: %s",
                    e.getMessage());
        }
    }

    private boolean settleFirst(HeldDecision held, DecisionMade settlement) {
        HeldDecision claim = held.claim(settlement);
        if (!store.claimSettlement(claim)) {
            LOG.infof("Held decision %s of alert=%s was settled first elsewhere; %s by %s not applied",
                    held.held().decisionId(), held.held().correlationId(), settlement.outcome(),
                    settlement.approvedBy() == null ? "expiry" : settlement.approvedBy());
            return false;
        }
        publish(claim);
        return true;
    }

    /**
     * The winner's part: the settling decision, for an approval its budget claim (always granted, counted against
     * every kind of its plan), the machine windows and its requests (the held plan, same request ids); then done.
     */
    private void publish(HeldDecision won) {
        DecisionMade settlement = won.settlement();
        Decision decision = Decision.withoutRequests(settlement);
        List<RequestedAction> plan = settlement.plan();
        if (settlement.outcome() == DecisionOutcome.APPROVED && !plan.isEmpty() && settlement.machineId() != null) {
            Instant now = Instant.now();
            store.claim(BudgetClaim.of(plan, settlement.machineId(), settlement.decisionId(), now, true));
            for (RequestedAction action : plan) {
                // A re-driven approval whose window was already written (and maybe ended by its result) keeps it.
                boolean windowWritten = store.window(settlement.machineId(), action.kind(), action.sha1())
                        .filter(guard -> action.requestId().equals(guard.requestId())).isPresent();
                if (!windowWritten) {
                    store.putMachine(Guards.window(settlement.machineId(), action, settlement.decisionId(), now));
                }
            }
            decision = Decision.requesting(settlement);
        }
        publisher.publish(decision);
        store.putHeld(won.asPublished());
        LOG.infof("Held decision %s of alert=%s machine=%s settled as %s by %s%s", won.held().decisionId(),
                won.held().correlationId(), won.held().machineId(), settlement.outcome(),
                settlement.approvedBy() == null ? "expiry" : settlement.approvedBy(),
                decision.requests().isEmpty() ? "" : ": " + decision.requests().size() + " request(s)");
    }
}
