package io.mderesponse.response.defender;

import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.contracts.event.MachineActionType;
import io.mderesponse.defender.client.model.MachineAction;
import java.time.Instant;
import java.util.List;

/**
 * The Defender calls the response service makes. Failures are the client's typed
 * {@link io.mderesponse.defender.client.error.DefenderApiException}s.
 */
public interface DefenderActions {

    /** {@code POST isolate} or {@code unisolate} for the request, with {@code comment}. Never retried after a 5xx. */
    MachineAction start(MachineActionRequested request, String comment);

    /** The machine's actions of {@code type} created at or after {@code since}, all pages. */
    List<MachineAction> actionsOf(String machineId, MachineActionType type, Instant since);

    /** One action, as it stands now. */
    MachineAction get(String machineActionId);
}
