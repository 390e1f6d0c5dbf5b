package io.mderesponse.defender.client.api;

import io.mderesponse.contracts.defender.DefenderAlert;
import io.mderesponse.contracts.defender.DefenderMachine;
import io.mderesponse.defender.client.model.AdvancedQueryResult;
import io.mderesponse.defender.client.model.MachineAction;
import io.mderesponse.defender.client.model.ODataList;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;

/**
 * The Defender endpoints this project uses, as a MicroProfile REST client. Internal: services call
 * {@link io.mderesponse.defender.client.DefenderClient}, which checks ids, retries and maps errors.
 *
 * <p>Each request carries a bearer token from the OIDC client {@value #OIDC_CLIENT}; path parameters are
 * percent-encoded by the client as path segments; null query parameters are left out.
 */
@Path("/api")
@OidcClientFilter(DefenderApi.OIDC_CLIENT)
@RegisterProvider(JsonContentCheck.class)
@RegisterProvider(ThrottleGate.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface DefenderApi {

    /** The named OIDC client ({@code quarkus.oidc-client.defender.*}) that obtains the tokens. */
    String OIDC_CLIENT = "defender";

    @GET
    @Path("/alerts")
    ODataList<DefenderAlert> listAlerts(@QueryParam("$filter") String filter, @QueryParam("$top") Integer top,
            @QueryParam("$skip") Integer skip, @QueryParam("$orderby") String orderBy,
            @QueryParam("$expand") String expand);

    @GET
    @Path("/alerts/{id}")
    DefenderAlert getAlert(@PathParam("id") String alertId);

    @GET
    @Path("/machines/{id}")
    DefenderMachine getMachine(@PathParam("id") String machineId);

    @POST
    @Path("/machines/{id}/isolate")
    MachineAction isolate(@PathParam("id") String machineId, IsolateRequest request);

    @POST
    @Path("/machines/{id}/unisolate")
    MachineAction unisolate(@PathParam("id") String machineId, UnisolateRequest request);

    @POST
    @Path("/machines/{id}/runAntiVirusScan")
    MachineAction runAntiVirusScan(@PathParam("id") String machineId, RunAntiVirusScanRequest request);

    @POST
    @Path("/machines/{id}/collectInvestigationPackage")
    MachineAction collectInvestigationPackage(@PathParam("id") String machineId, CommentRequest request);

    @POST
    @Path("/machines/{id}/restrictCodeExecution")
    MachineAction restrictCodeExecution(@PathParam("id") String machineId, CommentRequest request);

    @POST
    @Path("/machines/{id}/unrestrictCodeExecution")
    MachineAction unrestrictCodeExecution(@PathParam("id") String machineId, CommentRequest request);

    /** Spelled with a capital S, as Defender documents it. */
    @POST
    @Path("/machines/{id}/StopAndQuarantineFile")
    MachineAction stopAndQuarantineFile(@PathParam("id") String machineId, StopAndQuarantineFileRequest request);

    @GET
    @Path("/machineactions")
    ODataList<MachineAction> listMachineActions(@QueryParam("$filter") String filter, @QueryParam("$top") Integer top,
            @QueryParam("$skip") Integer skip);

    @GET
    @Path("/machineactions/{id}")
    MachineAction getMachineAction(@PathParam("id") String actionId);

    @POST
    @Path("/advancedqueries/run")
    AdvancedQueryResult runAdvancedQuery(AdvancedQueryRequest request);

    /** Every status of 400 and above becomes a {@link DefenderHttpError}, classified by the caller. */
    @ClientExceptionMapper
    static RuntimeException toError(Response response) {
        return DefenderHttpError.from(response);
    }
}
