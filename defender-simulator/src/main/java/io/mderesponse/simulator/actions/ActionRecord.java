package io.mderesponse.simulator.actions;

import java.time.Instant;
import java.util.List;

/**
 * A machine action and its planned timeline. Status is computed from the clock when read (Pending for the first
 * half of the delay, InProgress for the second, then the outcome), so no thread drives it.
 */
public final class ActionRecord {

    private final String id;
    private final ActionType type;
    private final String scope;
    private final String requestor;
    private final String comment;
    private final String machineId;
    private final String computerDnsName;
    private final Instant created;
    private final Instant inProgressAt;
    private final Instant finalAt;
    private final ActionOutcome outcome;
    private volatile Cancellation cancellation;

    /** Who cancelled the action, why and when. */
    record Cancellation(String requestor, String comment, Instant time) {
    }

    ActionRecord(String id, ActionType type, String scope, String requestor, String comment, String machineId,
            String computerDnsName, Instant created, ActionPlan plan) {
        this.id = id;
        this.type = type;
        this.scope = scope;
        this.requestor = requestor;
        this.comment = comment;
        this.machineId = machineId;
        this.computerDnsName = computerDnsName;
        this.created = created;
        this.inProgressAt = created.plus(plan.delay().dividedBy(2));
        this.finalAt = created.plus(plan.delay());
        this.outcome = plan.outcome();
    }

    public ActionStatus statusAt(Instant now) {
        if (cancellation != null) {
            return ActionStatus.Cancelled;
        }
        if (!now.isAfter(created) || now.isBefore(inProgressAt)) {
            return ActionStatus.Pending;
        }
        return now.isBefore(finalAt) ? ActionStatus.InProgress : outcome.status();
    }

    /** The moment of the last status change at or before {@code now}. */
    Instant lastUpdateAt(Instant now) {
        return switch (statusAt(now)) {
            case Pending -> created;
            case InProgress -> inProgressAt;
            case Cancelled -> cancellation.time();
            default -> finalAt;
        };
    }

    void cancel(String byWhom, String why, Instant now) {
        cancellation = new Cancellation(byWhom, why, now);
    }

    public MachineAction viewAt(Instant now) {
        Cancellation c = cancellation;
        String title = (type == ActionType.Isolate ? "Isolate " : "Release from isolation ")
                + (computerDnsName == null ? machineId : computerDnsName);
        return new MachineAction(id, type.name(), title, requestor, comment, statusAt(now).name(), machineId,
                computerDnsName, created, lastUpdateAt(now), c == null ? null : c.requestor(),
                c == null ? null : c.comment(), c == null ? null : c.time(), 0, scope, "PublicApi", null, null,
                List.of());
    }

    public String id() {
        return id;
    }

    public ActionType type() {
        return type;
    }

    public String scope() {
        return scope;
    }

    public String machineId() {
        return machineId;
    }

    public Instant created() {
        return created;
    }

    Instant finalAt() {
        return finalAt;
    }
}
