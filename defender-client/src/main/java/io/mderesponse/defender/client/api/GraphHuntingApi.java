package io.mderesponse.defender.client.api;

import io.mderesponse.defender.client.model.HuntingQueryResult;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;

/**
 * Microsoft Graph's hunting endpoint, as a MicroProfile REST client on {@code defender.graph.base-url}. Internal:
 * services call {@link io.mderesponse.defender.client.DefenderClient#runHuntingQuery}.
 *
 * <p>Each request carries a bearer token from the OIDC client {@value #OIDC_CLIENT}: the same tenant and client
 * credentials as Defender's API, another audience ({@code defender.graph.scope}), so a token of one API is never
 * sent to the other.
 */
@Path("/security")
@OidcClientFilter(GraphHuntingApi.OIDC_CLIENT)
@RegisterProvider(JsonContentCheck.class)
@RegisterProvider(ThrottleGate.class)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface GraphHuntingApi {

    /** The named OIDC client ({@code quarkus.oidc-client.graph.*}) that obtains Graph tokens. */
    String OIDC_CLIENT = "graph";

    @POST
    @Path("/runHuntingQuery")
    HuntingQueryResult runHuntingQuery(HuntingQueryRequest request);

    /** Every status of 400 and above becomes a {@link DefenderHttpError}, classified by the caller. */
    @ClientExceptionMapper
    static RuntimeException toError(Response response) {
        return DefenderHttpError.from(response);
    }
}
