package io.mderesponse.decision.service.guard;

import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.DecisionOutcome;
import io.mderesponse.contracts.event.EnrichedEvent;
import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.contracts.event.MachineActionType;
import io.mderesponse.decision.config.ApprovalConfig;
import io.mderesponse.decision.config.GuardConfig;
import io.mderesponse.decision.service.Decision;
import io.mderesponse.decision.state.BudgetClaim;
import io.mderesponse.decision.state.GuardStore;
import io.mderesponse.decision.state.HeldDecision;
import io.mderesponse.decision.state.MachineGuard;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;

/**
 * The guards between a rule that isolates and the request, in this order: exclusions ({@code EXCLUDED}), the
 * machine window ({@code SUPPRESSED}), the hourly cap ({@code HELD}, waiting for approval). Only live isolation
 * requests reach them, so dry-run decisions count toward neither the window nor the cap.
 */
@ApplicationScoped
public class Guards {

    private final GuardStore store;
    private final GuardConfig config;
    private final ApprovalConfig approvals;
    private final Exclusions exclusions;

    public Guards(GuardStore store, GuardConfig config, ApprovalConfig approvals) {
        this.store = store;
        this.config = config;
        this.approvals = approvals;
        this.exclusions = new Exclusions(config.exclude());
    }

    public Decision apply(EnrichedEvent event, Decision decision) {
        Optional<MachineActionRequested> maybeRequest = decision.request();
        if (maybeRequest.isEmpty() || maybeRequest.get().type() != MachineActionType.Isolate) {
            return decision;
        }
        MachineActionRequested request = maybeRequest.get();
        DecisionMade made = decision.decision();
        Optional<String> excluded = exclusions.reason(request.machineId(), event.machine());
        if (excluded.isPresent()) {
            return new Decision(Decisions.stopped(made, DecisionOutcome.EXCLUDED, false, excluded.get()),
                    Optional.empty());
        }
        Instant now = Instant.now();
        Optional<MachineGuard> guard = store.machine(request.machineId());
        boolean redelivered = guard.isPresent() && request.requestId().equals(guard.get().requestId())
                && guard.get().status() != MachineGuard.Status.CLEARED;
        if (guard.isPresent() && !redelivered) {
            Optional<String> suppressed = suppression(guard.get(), now);
            if (suppressed.isPresent()) {
                return new Decision(Decisions.stopped(made, DecisionOutcome.SUPPRESSED, false, suppressed.get()),
                        Optional.empty());
            }
        }
        boolean granted = store.claim(new BudgetClaim(request.requestId(), request.machineId(), made.decisionId(),
                now, false));
        if (!granted) {
            Optional<HeldDecision> earlier = store.heldFor(request.requestId());
            if (earlier.isPresent()) {
                // The same alert and rule delivered again: its hold stands, whatever became of it.
                return new Decision(earlier.get().held(), Optional.empty());
            }
            DecisionMade held = Decisions.stopped(made, DecisionOutcome.HELD, true, "The cap of "
                    + config.maxIsolationsPerHour() + " isolations per " + config.capWindow()
                    + " is reached: the isolation waits for approval until " + now.plus(approvals.ttl()));
            store.putHeld(HeldDecision.waiting(held, now, now.plus(approvals.ttl())));
            return new Decision(held, Optional.empty());
        }
        if (!redelivered) {
            store.putMachine(new MachineGuard(request.machineId(), request.requestId(), made.decisionId(), now,
                    MachineGuard.Status.PENDING));
        }
        return decision;
    }

    private Optional<String> suppression(MachineGuard guard, Instant now) {
        switch (guard.status()) {
            case PENDING:
                return Optional.of("An isolation of this machine is pending (request " + guard.requestId() + ")");
            case ENDED:
                Instant until = guard.isolatedAt().plus(config.machineWindow());
                return now.isBefore(until)
                        ? Optional.of("This machine was isolated at " + guard.isolatedAt() + ", within "
                                + "guard.machine-window (" + config.machineWindow() + ") (request " + guard.requestId()
                                + ")")
                        : Optional.empty();
            default:
                return Optional.empty();
        }
    }
}
