package io.mderesponse.simulator.actions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mderesponse.simulator.error.ApiException;
import io.mderesponse.simulator.error.JsonBodies;
import io.mderesponse.simulator.machines.Machine;
import io.mderesponse.simulator.machines.MachineStore;
import io.mderesponse.simulator.token.Authenticator;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;

/**
 * Isolate and unisolate: the body is bound first (exact parameter names), then the machine is looked up by id,
 * then a duplicate of an active action of the same type is refused.
 */
@ApplicationScoped
public class IsolationService {

    private final MachineStore machines;
    private final ActionStore actions;
    private final ActionBehaviours behaviours;
    private final Authenticator authenticator;
    private final ObjectMapper mapper;
    private final Clock clock;

    public IsolationService(MachineStore machines, ActionStore actions, ActionBehaviours behaviours,
            Authenticator authenticator, ObjectMapper mapper, Clock clock) {
        this.machines = machines;
        this.actions = actions;
        this.behaviours = behaviours;
        this.authenticator = authenticator;
        this.mapper = mapper;
        this.clock = clock;
    }

    public MachineAction isolate(String machineId, String body, String authorization) {
        ObjectNode json = JsonBodies.object(mapper, body);
        String comment = JsonBodies.requiredString(json, "Comment");
        IsolationType type = JsonBodies.optionalString(json, "IsolationType").map(IsolationType::parse)
                .orElse(IsolationType.Full);
        return start(ActionType.Isolate, type.name(), machineId, comment, authorization);
    }

    public MachineAction unisolate(String machineId, String body, String authorization) {
        String comment = JsonBodies.requiredString(JsonBodies.object(mapper, body), "Comment");
        return start(ActionType.Unisolate, null, machineId, comment, authorization);
    }

    private MachineAction start(ActionType type, String scope, String machineId, String comment,
            String authorization) {
        // The documented path parameter is the machine id; names are accepted only by GET /api/machines/{id}.
        Machine machine = machines.byId(machineId)
                .orElseThrow(() -> ApiException.notFound("Machine " + machineId + " was not found"));
        Instant now = clock.instant();
        ActionRecord action = actions.start(type, scope, machine, comment, authenticator.appIdOf(authorization),
                behaviours.planFor(machine.id()), now);
        return action.viewAt(now);
    }
}
