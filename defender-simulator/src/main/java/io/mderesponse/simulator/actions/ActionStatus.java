package io.mderesponse.simulator.actions;

/** Status of a machine action (names as on the wire). */
public enum ActionStatus {
    Pending,
    InProgress,
    Succeeded,
    Failed,
    TimeOut,
    Cancelled;

    /** Whether the action can still change (and be cancelled, or block a duplicate request). */
    public boolean isActive() {
        return this == Pending || this == InProgress;
    }
}
