package io.mderesponse.poller.defender;

import io.mderesponse.defender.client.api.DefenderApi;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/alerts} answered as text, with the same token as the typed client. Used only after the typed
 * client reported a malformed page, whose raw body its exception does not carry: to dead-letter the raw alerts
 * and to go on with the readable ones.
 */
@Path("/api")
@OidcClientFilter(DefenderApi.OIDC_CLIENT)
public interface RawAlertsApi {

    @GET
    @Path("/alerts")
    @Produces(MediaType.WILDCARD)
    String listAlerts(@QueryParam("$filter") String filter, @QueryParam("$top") Integer top,
            @QueryParam("$skip") Integer skip, @QueryParam("$orderby") String orderBy,
            @QueryParam("$expand") String expand);
}
