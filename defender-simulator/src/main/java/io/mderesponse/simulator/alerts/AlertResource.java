package io.mderesponse.simulator.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mderesponse.simulator.error.ApiException;
import io.mderesponse.simulator.error.ErrorCodes;
import io.mderesponse.simulator.odata.ODataJson;
import io.mderesponse.simulator.odata.ODataQuery;
import io.mderesponse.simulator.odata.QueryResults;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/** {@code GET /api/alerts} (OData list) and {@code GET /api/alerts/{id}}. */
@Path("/api/alerts")
public class AlertResource {

    private final AlertStore store;
    private final ObjectMapper mapper;
    private final Clock clock;

    public AlertResource(AlertStore store, ObjectMapper mapper, Clock clock) {
        this.store = store;
        this.mapper = mapper;
        this.clock = clock;
    }

    @GET
    public ODataJson.Collection list(@Context UriInfo uri) {
        ODataQuery query = ODataQuery.from(uri.getQueryParameters());
        if (!Set.of("evidence").containsAll(query.expand())) {
            throw ApiException.badRequest(ErrorCodes.ODATA_ERROR, "The query specified in the URI is not valid. "
                    + "Only 'evidence' can be expanded on alerts.");
        }
        Instant now = clock.instant();
        QueryResults.Page<Alert> page = QueryResults.apply(store.allVisible(now), query, AlertFields.FIELDS);
        boolean withEvidence = query.expand().contains("evidence");
        page = new QueryResults.Page<>(page.items().stream().map(alert -> alert.asListed(withEvidence)).toList(),
                page.matched(), page.more());
        return ODataJson.collection(ODataJson.ALERTS, query, page, uri);
    }

    /** A single alert always carries its evidence and the fields lists leave out, as live answers do. */
    @GET
    @Path("{id}")
    public ObjectNode get(@PathParam("id") String id) {
        Alert alert = store.visible(id, clock.instant())
                .orElseThrow(() -> ApiException.notFound("Alert " + id + " was not found"));
        return ODataJson.entity(mapper, ODataJson.ALERT, alert);
    }
}
