package io.mderesponse.defender.client.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Where a machine action stands; Pending and InProgress are the only states that still change. */
public enum MachineActionStatus {
    Pending,
    InProgress,
    Succeeded,
    Failed,
    TimeOut,
    Cancelled;

    /** Whether the action has ended and its status will not change again. */
    public boolean isFinal() {
        return this != Pending && this != InProgress;
    }

    /** Reads the wire value, also accepting the older spelling {@code Canceled} of Microsoft's docs. */
    @JsonCreator
    public static MachineActionStatus fromWire(String value) {
        if ("Canceled".equals(value)) {
            return Cancelled;
        }
        return valueOf(value);
    }
}
