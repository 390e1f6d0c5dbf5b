package io.mderesponse.simulator.machines;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mderesponse.simulator.actions.IsolationService;
import io.mderesponse.simulator.error.ApiException;
import io.mderesponse.simulator.odata.ODataJson;
import io.mderesponse.simulator.odata.ODataQuery;
import io.mderesponse.simulator.odata.QueryResults;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** {@code /api/machines}: list, get by id or name, and the isolate and unisolate actions on one machine. */
@Path("/api/machines")
public class MachineResource {

    private final MachineStore store;
    private final IsolationService isolation;
    private final ObjectMapper mapper;

    public MachineResource(MachineStore store, IsolationService isolation, ObjectMapper mapper) {
        this.store = store;
        this.isolation = isolation;
        this.mapper = mapper;
    }

    /** Documented: 404 when there are no machines at all (not when a filter matches none). */
    @GET
    public ODataJson.Collection list(@Context UriInfo uri) {
        ODataQuery query = ODataQuery.from(uri.getQueryParameters());
        QueryResults.Page<Machine> page = QueryResults.apply(store.all(), query, MachineFields.FIELDS);
        if (store.all().isEmpty()) {
            throw ApiException.notFound("No machines found");
        }
        return ODataJson.collection(ODataJson.MACHINES, query, page, uri);
    }

    @GET
    @Path("{id}")
    public ObjectNode get(@PathParam("id") String idOrName) {
        Machine machine = store.byIdOrName(idOrName)
                .orElseThrow(() -> ApiException.notFound("Machine " + idOrName + " was not found"));
        return ODataJson.entity(mapper, ODataJson.MACHINE, machine);
    }

    @POST
    @Path("{id}/isolate")
    public Response isolate(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            String body) {
        return created(isolation.isolate(id, body, authorization));
    }

    @POST
    @Path("{id}/unisolate")
    public Response unisolate(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            String body) {
        return created(isolation.unisolate(id, body, authorization));
    }

    private Response created(Object action) {
        return Response.status(Response.Status.CREATED)
                .entity(ODataJson.entity(mapper, ODataJson.MACHINE_ACTION, action))
                .build();
    }
}
