package io.mderesponse.simulator.actions;

import java.time.Duration;

/** How a new action will progress: the status it starts in, time to its final status, and which final status. */
public record ActionPlan(Duration delay, ActionOutcome outcome, InitialStatus initialStatus) {

    /** A plan starting Pending, as isolation always has. */
    public ActionPlan(Duration delay, ActionOutcome outcome) {
        this(delay, outcome, InitialStatus.Pending);
    }
}
