package io.mderesponse.contracts.serde;

import io.mderesponse.contracts.event.MachineActionCompleted;

/** Reads {@link MachineActionCompleted} ({@code ce_type} defender.action.completed.v1); a class of its own so kafka-clients can instantiate it by name. */
public class MachineActionCompletedDeserializer extends JsonEventDeserializer<MachineActionCompleted> {

    public MachineActionCompletedDeserializer() {
        super(MachineActionCompleted.class);
    }
}
