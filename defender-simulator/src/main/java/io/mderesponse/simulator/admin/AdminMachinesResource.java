package io.mderesponse.simulator.admin;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mderesponse.simulator.actions.ActionBehaviours;
import io.mderesponse.simulator.actions.ActionOutcome;
import io.mderesponse.simulator.actions.ActionStore;
import io.mderesponse.simulator.actions.IsolationState;
import io.mderesponse.simulator.config.Durations;
import io.mderesponse.simulator.error.ApiException;
import io.mderesponse.simulator.machines.Machine;
import io.mderesponse.simulator.machines.MachineFactory;
import io.mderesponse.simulator.machines.MachineStore;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

/** Admin: add or replace machines, read their isolation, and set how their actions end. */
@Path("/admin/machines")
public class AdminMachinesResource {

    private final MachineStore machines;
    private final MachineFactory factory;
    private final ActionStore actions;
    private final ActionBehaviours behaviours;
    private final Clock clock;

    public AdminMachinesResource(MachineStore machines, MachineFactory factory, ActionStore actions,
            ActionBehaviours behaviours, Clock clock) {
        this.machines = machines;
        this.factory = factory;
        this.actions = actions;
        this.behaviours = behaviours;
        this.clock = clock;
    }

    /** How a machine's future actions end; null fields fall back to the global settings. */
    public record BehaviourRequest(
            @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES) ActionOutcome outcome,
            String delay) {
    }

    /** One machine object, or an array of them; answers the stored machines with defaults filled in. */
    @POST
    public List<Machine> put(JsonNode body) {
        List<JsonNode> items = AdminJson.objects(body);
        List<Machine> stored = items.stream().map(item -> factory.create((ObjectNode) item, clock.instant())).toList();
        stored.forEach(machines::put);
        return stored;
    }

    @GET
    public Collection<Machine> list() {
        return machines.all();
    }

    @GET
    @Path("{id}/isolation")
    public IsolationState isolation(@PathParam("id") String id) {
        requireMachine(id);
        return actions.isolationOf(id, clock.instant());
    }

    @PUT
    @Path("{id}/action-behaviour")
    public ActionBehaviours.Behaviour setBehaviour(@PathParam("id") String id, BehaviourRequest request) {
        if (!Machine.ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Machine id must be 40 lowercase hexadecimal characters, got: " + id);
        }
        ActionBehaviours.Behaviour behaviour = new ActionBehaviours.Behaviour(request.outcome(),
                request.delay() == null ? null : Durations.parse(request.delay()));
        behaviours.set(id, behaviour);
        return behaviour;
    }

    @DELETE
    @Path("{id}/action-behaviour")
    public void removeBehaviour(@PathParam("id") String id) {
        behaviours.remove(id);
    }

    private void requireMachine(String id) {
        if (machines.byId(id).isEmpty()) {
            throw ApiException.notFound("Machine " + id + " was not found");
        }
    }
}
