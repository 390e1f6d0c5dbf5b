package io.mderesponse.response.defender;

import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.defender.client.model.MachineAction;
import io.mderesponse.response.state.ActionRequest;
import java.time.Instant;
import java.util.List;

/**
 * The Defender calls the response service makes. Failures are the client's typed
 * {@link io.mderesponse.defender.client.error.DefenderApiException}s.
 */
public interface DefenderActions {

    /**
     * Starts the request's machine action ({@code POST isolate}, {@code runAntiVirusScan}, ...) with
     * {@code comment}. Never retried after a 5xx or a lost answer.
     */
    MachineAction start(ActionRequest request, String comment);

    /** The machine's actions of the kind's Defender type created at or after {@code since}, all pages. */
    List<MachineAction> actionsOf(String machineId, MachineActionKind kind, Instant since);

    /** One action, as it stands now. */
    MachineAction get(String machineActionId);
}
