package io.mderesponse.simulator.actions;

/** Final status a simulated machine action reaches on its own (names as on the wire). */
public enum ActionOutcome {
    Succeeded,
    Failed,
    TimeOut;

    /** The action status this outcome ends in. */
    public ActionStatus status() {
        return ActionStatus.valueOf(name());
    }
}
