package io.mderesponse.simulator.actions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mderesponse.simulator.error.ApiException;
import io.mderesponse.simulator.error.ErrorCodes;
import io.mderesponse.simulator.error.JsonBodies;
import io.mderesponse.simulator.odata.ODataJson;
import io.mderesponse.simulator.odata.ODataQuery;
import io.mderesponse.simulator.odata.QueryResults;
import io.mderesponse.simulator.token.Authenticator;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.regex.Pattern;

/** {@code /api/machineactions}: list, get, cancel and the investigation package's download URI. */
@Path("/api/machineactions")
public class MachineActionResource {

    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final ActionStore actions;
    private final Authenticator authenticator;
    private final ObjectMapper mapper;
    private final Clock clock;

    public MachineActionResource(ActionStore actions, Authenticator authenticator, ObjectMapper mapper, Clock clock) {
        this.actions = actions;
        this.authenticator = authenticator;
        this.mapper = mapper;
        this.clock = clock;
    }

    @GET
    public ODataJson.Collection list(@Context UriInfo uri) {
        ODataQuery query = ODataQuery.from(uri.getQueryParameters());
        Instant now = clock.instant();
        QueryResults.Page<MachineAction> page = QueryResults.apply(
                actions.all().stream().map(a -> a.viewAt(now)).toList(), query, MachineActionFields.FIELDS);
        return ODataJson.collection(ODataJson.MACHINE_ACTIONS, query, page, uri);
    }

    @GET
    @Path("{id}")
    public ObjectNode get(@PathParam("id") String id) {
        ActionRecord action = find(id);
        return ODataJson.entity(mapper, ODataJson.MACHINE_ACTION, action.viewAt(clock.instant()));
    }

    /**
     * Reference 9.2: the investigation package's short-lived download URI, written as a string inside escaped
     * quotes; 404 while the collection is not complete (and for an action that collects no package).
     */
    @GET
    @Path("{id}/{name: [gG]etPackageUri}")
    public ObjectNode packageUri(@PathParam("id") String id, @Context UriInfo uri) {
        ActionRecord action = find(id);
        if (action.type() != ActionType.CollectInvestigationPackage
                || action.statusAt(clock.instant()) != ActionStatus.Succeeded) {
            throw ApiException.notFound("Package of machine action " + id + " was not found: the action is not a "
                    + "completed investigation package collection");
        }
        String url = uri.getBaseUri().resolve("/safedownload/WDATP_Investigation_Package.zip?token=" + action.id())
                .toString();
        ObjectNode node = mapper.createObjectNode();
        node.put("@odata.context", ODataJson.EDM_STRING);
        node.put("value", "\"" + url + "\"");
        return node;
    }

    @POST
    @Path("{id}/cancel")
    public ObjectNode cancel(@PathParam("id") String id, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            String body) {
        String comment = JsonBodies.requiredString(JsonBodies.object(mapper, body), "Comment");
        ActionRecord action = find(id);
        Instant now = clock.instant();
        actions.cancel(action, authenticator.appIdOf(authorization), comment, now);
        return ODataJson.entity(mapper, ODataJson.MACHINE_ACTION, action.viewAt(now));
    }

    private ActionRecord find(String id) {
        if (!GUID.matcher(id).matches()) {
            throw ApiException.badRequest(ErrorCodes.BAD_REQUEST, "The key value (" + id + ") from request is not "
                    + "valid. The key value should be format of type 'Edm.Guid'.");
        }
        return actions.find(id).orElseThrow(() -> ApiException.notFound("Machine action " + id + " was not found"));
    }
}
