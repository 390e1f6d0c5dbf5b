package io.mderesponse.decision.service.guard;

import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.DecisionOutcome;
import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.contracts.event.MachineActionType;
import io.mderesponse.decision.config.ApprovalConfig;
import io.mderesponse.decision.messaging.DecisionPublisher;
import io.mderesponse.decision.service.Decision;
import io.mderesponse.decision.service.DecisionService;
import io.mderesponse.decision.state.BudgetClaim;
import io.mderesponse.decision.state.GuardStore;
import io.mderesponse.decision.state.HeldDecision;
import io.mderesponse.decision.state.MachineGuard;
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
 * window, then the request), denying, and expiring after {@code approval.ttl}.
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
        if (!approve) {
            publisher.publish(new Decision(DecisionMade.settling(held.held(), DecisionOutcome.DENIED, by,
                    "Denied by " + by + why), Optional.empty()));
            store.putHeld(held.settled(DecisionOutcome.DENIED, by));
            return Result.SETTLED;
        }
        DecisionMade approved = DecisionMade.settling(held.held(), DecisionOutcome.APPROVED, by,
                "Approved by " + by + why);
        MachineActionRequested request = MachineActionRequested.of(approved, MachineActionType.Isolate,
                approved.machineId(), DecisionService.isolationComment(approved, MachineActionType.Isolate));
        Instant now = Instant.now();
        store.claim(new BudgetClaim(request.requestId(), request.machineId(), approved.decisionId(), now, true));
        store.putMachine(new MachineGuard(request.machineId(), request.requestId(), approved.decisionId(), now,
                MachineGuard.Status.PENDING));
        publisher.publish(new Decision(approved, Optional.of(request)));
        store.putHeld(held.settled(DecisionOutcome.APPROVED, by));
        LOG.infof("Approved held decision %s of alert=%s machine=%s by %s: request %s", decisionId,
                held.held().correlationId(), held.held().machineId(), by, request.requestId());
        return Result.SETTLED;
    }

    synchronized void expireDue() {
        try {
            Instant now = Instant.now();
            for (HeldDecision held : pending()) {
                if (!now.isBefore(held.expiresAt())) {
                    publisher.publish(new Decision(DecisionMade.settling(held.held(), DecisionOutcome.EXPIRED, null,
                            "Neither approved nor denied by " + held.expiresAt()), Optional.empty()));
                    store.putHeld(held.settled(DecisionOutcome.EXPIRED, null));
                    LOG.infof("Held decision %s of alert=%s machine=%s expired", held.held().decisionId(),
                            held.held().correlationId(), held.held().machineId());
                }
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not expire held decisions; trying again in %s: %s", checkEvery, e.getMessage());
        }
    }
}
