package io.mderesponse.response.defender;

import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.defender.client.DefenderClient;
import io.mderesponse.defender.client.model.MachineAction;
import io.mderesponse.defender.client.query.MachineActionQuery;
import io.mderesponse.response.state.ActionRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** {@link DefenderActions} through the project's {@link DefenderClient}. */
public final class DefenderClientActions implements DefenderActions {

    /** Actions per page when looking through a machine's actions. */
    static final int PAGE_SIZE = 100;
    /** A machine with more matching actions than this in the window is not paged further. */
    static final int MAX_PAGES = 20;

    private final DefenderClient defender;

    public DefenderClientActions(DefenderClient defender) {
        this.defender = defender;
    }

    @Override
    public MachineAction start(ActionRequest request, String comment) {
        return defender.startMachineAction(request.machineId(), request.action(), comment);
    }

    @Override
    public List<MachineAction> actionsOf(String machineId, MachineActionKind kind, Instant since) {
        List<MachineAction> all = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            List<MachineAction> actions = defender.listMachineActions(MachineActionQuery.builder()
                    .machineId(machineId)
                    .type(kind)
                    .createdSince(since)
                    .top(PAGE_SIZE).skip(page * PAGE_SIZE).build());
            all.addAll(actions);
            if (actions.size() < PAGE_SIZE) {
                break;
            }
        }
        return all;
    }

    @Override
    public MachineAction get(String machineActionId) {
        return defender.getMachineAction(machineActionId);
    }
}
