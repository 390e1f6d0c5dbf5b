package io.mderesponse.simulator.actions;

import java.time.Duration;

/** How a new action will progress: time to its final status, and which final status. */
public record ActionPlan(Duration delay, ActionOutcome outcome) {
}
