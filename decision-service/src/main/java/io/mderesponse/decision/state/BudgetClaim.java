package io.mderesponse.decision.state;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.contracts.event.RequestedAction;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One claim on the hourly caps for a decision's machine actions, appended to the single-partition
 * {@code isolation-budget} topic. Whether it is granted follows from the claims before it in the log, so every
 * replica reaches the same verdict; it is granted whole or not at all (one kind over its cap holds the decision).
 *
 * @param requestId the claim's id: its first action's request id (an isolation's, in records of before)
 * @param approved an approved hold: always granted, and counted
 * @param actions every action claimed, each counted against its kind's cap; null in records written before other
 *     kinds existed, which claimed one isolation ({@code requestId})
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BudgetClaim(UUID requestId, String machineId, UUID decisionId, Instant claimedAt, boolean approved,
        List<ClaimedAction> actions) {

    /** One action of a claim. */
    public record ClaimedAction(UUID requestId, MachineActionKind kind) {
    }

    /** An isolation's claim, as claims were before other kinds. */
    public BudgetClaim(UUID requestId, String machineId, UUID decisionId, Instant claimedAt, boolean approved) {
        this(requestId, machineId, decisionId, claimedAt, approved, null);
    }

    /** A claim for the actions of a plan (not empty), identified by the first. */
    public static BudgetClaim of(List<RequestedAction> plan, String machineId, UUID decisionId, Instant claimedAt,
            boolean approved) {
        return new BudgetClaim(plan.get(0).requestId(), machineId, decisionId, claimedAt, approved,
                plan.stream().map(action -> new ClaimedAction(action.requestId(), action.kind())).toList());
    }

    /** The actions claimed, also for records written before the field: one isolation. */
    @JsonIgnore
    public List<ClaimedAction> claimed() {
        return actions == null ? List.of(new ClaimedAction(requestId, MachineActionKind.ISOLATE)) : actions;
    }
}
