package io.mderesponse.simulator.actions;

/**
 * How a repeated stop-and-quarantine of the same file answers while the first is Pending or InProgress on the
 * machine. Defender documents no duplicate or error case for it (reference section 9.4), so the simulator plays
 * both plausible answers.
 */
public enum QuarantineRepeat {
    /** 201 with a new action, as for any other file. */
    NewAction,
    /** 400 {@code ActiveRequestAlreadyExists} "Action is already in progress". */
    AlreadyInProgress
}
