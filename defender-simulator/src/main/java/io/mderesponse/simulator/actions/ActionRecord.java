package io.mderesponse.simulator.actions;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A machine action and its planned timeline. Status is computed from the clock when read (its initial status at
 * creation, Pending for the first half of the delay and InProgress for the second, or InProgress throughout when it
 * started so, then the outcome), so no thread drives it.
 */
public final class ActionRecord {

    private final String id;
    private final ActionType type;
    private final String scope;
    private final String sha1;
    private final String requestor;
    private final String comment;
    private final String machineId;
    private final String computerDnsName;
    private final Instant created;
    private final Instant inProgressAt;
    private final Instant finalAt;
    private final ActionOutcome outcome;
    private final InitialStatus initialStatus;
    private volatile Cancellation cancellation;

    /** Who cancelled the action, why and when. */
    record Cancellation(String requestor, String comment, Instant time) {
    }

    /**
     * @param scope Full/Selective/UnManagedDevice for isolation, Quick/Full for scans, else null
     * @param sha1 the file of a stop-and-quarantine, else null
     */
    ActionRecord(String id, ActionType type, String scope, String sha1, String requestor, String comment,
            String machineId, String computerDnsName, Instant created, ActionPlan plan) {
        this.id = id;
        this.type = type;
        this.scope = scope;
        this.sha1 = sha1;
        this.requestor = requestor;
        this.comment = comment;
        this.machineId = machineId;
        this.computerDnsName = computerDnsName;
        this.created = created;
        this.initialStatus = plan.initialStatus();
        this.inProgressAt = plan.initialStatus() == InitialStatus.InProgress ? created
                : created.plus(plan.delay().dividedBy(2));
        this.finalAt = created.plus(plan.delay());
        this.outcome = plan.outcome();
    }

    public ActionStatus statusAt(Instant now) {
        if (cancellation != null) {
            return ActionStatus.Cancelled;
        }
        if (!now.isAfter(created)) {
            // The answer to the creating call, even with no delay at all.
            return initialStatus == InitialStatus.InProgress ? ActionStatus.InProgress : ActionStatus.Pending;
        }
        if (now.isBefore(finalAt)) {
            return now.isBefore(inProgressAt) ? ActionStatus.Pending : ActionStatus.InProgress;
        }
        return outcome.status();
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
        String title = type.title() + " " + (computerDnsName == null ? machineId : computerDnsName);
        // Documented shape of the collection example (reference 9.4): the hash and its type.
        Object relatedFileInfo = sha1 == null ? null : Map.of("fileIdentifier", sha1, "fileIdentifierType", "Sha1");
        return new MachineAction(id, type.name(), title, requestor, comment, statusAt(now).name(), machineId,
                computerDnsName, created, lastUpdateAt(now), c == null ? null : c.requestor(),
                c == null ? null : c.comment(), c == null ? null : c.time(), 0, scope, "PublicApi", null,
                relatedFileInfo, List.of());
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

    /** The file of a stop-and-quarantine, else null. */
    public String sha1() {
        return sha1;
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
