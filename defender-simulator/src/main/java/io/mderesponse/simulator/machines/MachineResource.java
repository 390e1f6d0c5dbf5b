package io.mderesponse.simulator.machines;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mderesponse.simulator.actions.IsolationService;
import io.mderesponse.simulator.actions.ResponseActionService;
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

/** {@code /api/machines}: list, get by id or name, and the machine actions on one machine. */
@Path("/api/machines")
public class MachineResource {

    private final MachineStore store;
    private final IsolationService isolation;
    private final ResponseActionService responseActions;
    private final ObjectMapper mapper;

    public MachineResource(MachineStore store, IsolationService isolation, ResponseActionService responseActions,
            ObjectMapper mapper) {
        this.store = store;
        this.isolation = isolation;
        this.responseActions = responseActions;
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

    @POST
    @Path("{id}/runAntiVirusScan")
    public Response runAntiVirusScan(@PathParam("id") String id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        return answer(responseActions.runAntiVirusScan(id, body, authorization));
    }

    @POST
    @Path("{id}/collectInvestigationPackage")
    public Response collectInvestigationPackage(@PathParam("id") String id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        return answer(responseActions.collectInvestigationPackage(id, body, authorization));
    }

    @POST
    @Path("{id}/restrictCodeExecution")
    public Response restrictCodeExecution(@PathParam("id") String id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        return answer(responseActions.restrictCodeExecution(id, body, authorization));
    }

    @POST
    @Path("{id}/unrestrictCodeExecution")
    public Response unrestrictCodeExecution(@PathParam("id") String id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        return answer(responseActions.unrestrictCodeExecution(id, body, authorization));
    }

    /** Spelled with a capital S, as documented (reference 9.4). */
    @POST
    @Path("{id}/StopAndQuarantineFile")
    public Response stopAndQuarantineFile(@PathParam("id") String id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        return answer(responseActions.stopAndQuarantineFile(id, body, authorization));
    }

    /** 201 with a new action; 200 with the pending one a repeated call found (a setting, see RepeatAnswer). */
    private Response answer(ResponseActionService.Answer answer) {
        return Response.status(answer.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(ODataJson.entity(mapper, ODataJson.MACHINE_ACTION, answer.action()))
                .build();
    }

    private Response created(Object action) {
        return Response.status(Response.Status.CREATED)
                .entity(ODataJson.entity(mapper, ODataJson.MACHINE_ACTION, action))
                .build();
    }
}
