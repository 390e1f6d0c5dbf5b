package io.mderesponse.contracts.serde;

import io.mderesponse.contracts.event.MachineActionRequested;

/** Reads {@link MachineActionRequested} ({@code ce_type} defender.action.requested.v1); a class of its own so kafka-clients can instantiate it by name. */
public class MachineActionRequestedDeserializer extends JsonEventDeserializer<MachineActionRequested> {

    public MachineActionRequestedDeserializer() {
        super(MachineActionRequested.class);
    }
}
