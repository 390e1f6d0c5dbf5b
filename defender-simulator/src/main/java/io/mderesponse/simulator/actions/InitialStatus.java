package io.mderesponse.simulator.actions;

/**
 * The status a new machine action answers with. Defender documents {@code Pending} for live response only; for the
 * other actions it is unconfirmed (reference section 9, "Machine actions 1–4: shared"), so the simulator plays both.
 */
public enum InitialStatus {
    Pending,
    InProgress
}
