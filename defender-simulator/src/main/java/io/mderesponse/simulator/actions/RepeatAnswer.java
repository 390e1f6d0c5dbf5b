package io.mderesponse.simulator.actions;

/**
 * How a repeated scan, restrict or unrestrict answers while one of the same type is Pending or InProgress on the
 * machine. Defender documents both ("returns the pending machine action or HTTP 400 'Action is already in
 * progress'", reference section 9) without saying when which, so the simulator plays either.
 */
public enum RepeatAnswer {
    /** 400 {@code ActiveRequestAlreadyExists} "Action is already in progress". */
    AlreadyInProgress,
    /** 200 with the pending action itself (its id, comment and requestor): no new action is created. */
    PendingAction
}
