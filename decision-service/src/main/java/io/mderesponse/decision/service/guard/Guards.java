package io.mderesponse.decision.service.guard;

import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.DecisionOutcome;
import io.mderesponse.contracts.event.EnrichedEvent;
import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.contracts.event.RequestedAction;
import io.mderesponse.decision.config.ApprovalConfig;
import io.mderesponse.decision.config.GuardConfig;
import io.mderesponse.decision.service.Decision;
import io.mderesponse.decision.state.BudgetClaim;
import io.mderesponse.decision.state.GuardStore;
import io.mderesponse.decision.state.HeldDecision;
import io.mderesponse.decision.state.MachineGuard;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The guards between a rule's machine actions and their requests, in this order: exclusions (every kind; the
 * decision is {@code EXCLUDED}), each action's machine window (per kind; an action within its window is dropped from
 * the plan and named in the reason, and with nothing left the decision is {@code SUPPRESSED}), the hourly caps (per
 * kind, one claim for the whole plan: any kind over its cap holds the whole decision, {@code HELD} for approval).
 * Only live, acted decisions reach them, so dry runs count toward neither windows nor caps.
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
        DecisionMade made = decision.decision();
        List<RequestedAction> plan = made.plan();
        if (made.outcome() != DecisionOutcome.ACTED || plan.isEmpty() || made.machineId() == null) {
            return decision;
        }
        String machineId = made.machineId();
        Optional<String> excluded = exclusions.reason(machineId, event.machine());
        if (excluded.isPresent()) {
            return Decision.withoutRequests(Decisions.withPlan(made, DecisionOutcome.EXCLUDED, List.of(),
                    join(excluded.get(), made.reason())));
        }
        Instant now = Instant.now();
        List<RequestedAction> kept = new ArrayList<>();
        List<String> suppressed = new ArrayList<>();
        Set<UUID> redelivered = new HashSet<>();
        for (RequestedAction action : plan) {
            Optional<MachineGuard> guard = store.window(machineId, action.kind(), action.sha1());
            boolean again = guard.isPresent() && action.requestId().equals(guard.get().requestId())
                    && guard.get().status() != MachineGuard.Status.CLEARED;
            if (again) {
                redelivered.add(action.requestId());
            } else if (guard.isPresent()) {
                Optional<String> why = suppression(guard.get(), now);
                if (why.isPresent()) {
                    suppressed.add(why.get());
                    continue;
                }
            }
            kept.add(action);
        }
        if (kept.isEmpty()) {
            return Decision.withoutRequests(Decisions.withPlan(made, DecisionOutcome.SUPPRESSED, List.of(),
                    join(String.join("; ", suppressed), made.reason())));
        }
        String reason = suppressed.isEmpty() ? made.reason()
                : join(made.reason(), "Not requested: " + String.join("; ", suppressed));
        DecisionMade planned = suppressed.isEmpty() ? made
                : Decisions.withPlan(made, DecisionOutcome.ACTED, kept, reason);
        BudgetClaim claim = BudgetClaim.of(kept, machineId, made.decisionId(), now, false);
        if (!store.claim(claim)) {
            Optional<HeldDecision> earlier = store.heldFor(claim.requestId());
            if (earlier.isPresent()) {
                // The same alert and rule delivered again: its hold stands, whatever became of it.
                return Decision.withoutRequests(earlier.get().held());
            }
            DecisionMade held = Decisions.withPlan(planned, DecisionOutcome.HELD, kept,
                    join(capReason(claim, now), planned.reason()));
            store.putHeld(HeldDecision.waiting(held, now, now.plus(approvals.ttl())));
            return Decision.withoutRequests(held);
        }
        for (RequestedAction action : kept) {
            if (!redelivered.contains(action.requestId())) {
                store.putMachine(window(machineId, action, made.decisionId(), now));
            }
        }
        return Decision.requesting(planned);
    }

    /** The pending window of a requested action. */
    static MachineGuard window(String machineId, RequestedAction action, UUID decisionId, Instant now) {
        return action.kind() == MachineActionKind.ISOLATE
                ? new MachineGuard(machineId, action.requestId(), decisionId, now, MachineGuard.Status.PENDING)
                : new MachineGuard(machineId, action.requestId(), decisionId, now, MachineGuard.Status.PENDING,
                        action.kind(), action.sha1());
    }

    private String capReason(BudgetClaim claim, Instant now) {
        Set<MachineActionKind> over = store.overCap(claim.requestId());
        String caps = over.isEmpty() ? "A cap" : "The " + over.stream().map(kind -> "cap of "
                + config.maxPerHour(kind) + " " + counted(kind) + " per " + config.capWindow() + " ("
                + GuardConfig.settingOf(kind, "max-per-hour") + ")").collect(Collectors.joining(" and the "));
        int actions = claim.claimed().size();
        return caps + " is reached: " + (actions == 1 && claim.claimed().get(0).kind() == MachineActionKind.ISOLATE
                ? "the isolation waits" : "the decision's " + actions + " machine action(s) wait")
                + " for approval until " + now.plus(approvals.ttl());
    }

    private static String counted(MachineActionKind kind) {
        return switch (kind) {
            case ISOLATE -> "isolations";
            case STOP_AND_QUARANTINE_FILE -> "quarantined files";
            default -> kind.wireName() + " actions";
        };
    }

    private Optional<String> suppression(MachineGuard guard, Instant now) {
        MachineActionKind kind = guard.actionKind();
        String what = kind == MachineActionKind.ISOLATE ? "An isolation of this machine"
                : kind == MachineActionKind.STOP_AND_QUARANTINE_FILE
                        ? "The stopAndQuarantineFile of file " + guard.sha1() + " on this machine"
                        : "The " + kind.wireName() + " of this machine";
        switch (guard.status()) {
            case PENDING:
                return Optional.of(what + " is pending (request " + guard.requestId() + ")");
            case ENDED:
                Instant until = guard.isolatedAt().plus(config.machineWindow(kind));
                if (!now.isBefore(until)) {
                    return Optional.empty();
                }
                return Optional.of(kind == MachineActionKind.ISOLATE
                        ? "This machine was isolated at " + guard.isolatedAt() + ", within guard.machine-window ("
                                + config.machineWindow() + ") (request " + guard.requestId() + ")"
                        : what + " was requested at " + guard.isolatedAt() + ", within "
                                + GuardConfig.settingOf(kind, "machine-window") + " (" + config.machineWindow(kind)
                                + ") (request " + guard.requestId() + ")");
            default:
                return Optional.empty();
        }
    }

    private static String join(String first, String second) {
        if (first == null) {
            return second;
        }
        return second == null ? first : first + "; " + second;
    }
}
