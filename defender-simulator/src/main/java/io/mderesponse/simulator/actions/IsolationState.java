package io.mderesponse.simulator.actions;

import java.util.List;

/** Whether a machine is isolated, which succeeded action decided it, and all of the machine's actions. */
public record IsolationState(String machineId, boolean isolated, String isolationType, String decidedByActionId,
        List<String> actionIds) {
}
