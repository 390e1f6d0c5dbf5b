package io.mderesponse.contracts.event;

/** How a requested machine action ended. Constant names are the wire values. */
public enum FinalStatus {
    /** Defender carried it out; only now is a machine "isolated". */
    Succeeded,
    Failed,
    TimeOut,
    Cancelled,
    /** Defender already had a pending action of this type for the machine, so no second one was made. */
    AlreadyPending,
    /** Defender refused the request (4xx other than "already pending"), or the response service did. */
    Rejected;

    public boolean succeeded() {
        return this == Succeeded;
    }
}
