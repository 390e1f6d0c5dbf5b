package io.mderesponse.simulator.token;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Entra ID's client-credentials token endpoints, v2 ({@code scope}) and v1 ({@code resource}). */
@Path("/{tenantId}/oauth2")
public class TokenResource {

    private static final String JSON = "application/json; charset=utf-8";

    private final TokenIssuer issuer;

    public TokenResource(TokenIssuer issuer) {
        this.issuer = issuer;
    }

    /** The v2 answer. */
    public record V2Token(
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn,
            @JsonProperty("ext_expires_in") long extExpiresIn,
            @JsonProperty("access_token") String accessToken) {
    }

    /** The v1 answer, whose numbers are strings. */
    public record V1Token(
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") String expiresIn,
            @JsonProperty("ext_expires_in") String extExpiresIn,
            @JsonProperty("expires_on") String expiresOn,
            @JsonProperty("not_before") String notBefore,
            String resource,
            @JsonProperty("access_token") String accessToken) {
    }

    @POST
    @Path("v2.0/token")
    public Response v2(@PathParam("tenantId") String tenantId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        TokenIssuer.Issued issued = issuer.issueForScope(tenantId, ClientCredentials.parse(body, authorization));
        long lifetime = lifetimeSeconds(issued);
        return ok(new V2Token("Bearer", lifetime, lifetime, issued.jwt()));
    }

    @POST
    @Path("token")
    public Response v1(@PathParam("tenantId") String tenantId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
        ClientCredentials request = ClientCredentials.parse(body, authorization);
        TokenIssuer.Issued issued = issuer.issueForResource(tenantId, request);
        String lifetime = String.valueOf(lifetimeSeconds(issued));
        return ok(new V1Token("Bearer", lifetime, lifetime,
                String.valueOf(issued.token().expiresAt().getEpochSecond()),
                String.valueOf(issued.token().issuedAt().getEpochSecond()), request.resource(), issued.jwt()));
    }

    @ServerExceptionMapper
    public Response aadError(AadException e) {
        return Response.status(e.status()).type(JSON).entity(e.body()).header("Cache-Control", "no-store").build();
    }

    private static long lifetimeSeconds(TokenIssuer.Issued issued) {
        return Duration.between(issued.token().issuedAt(), issued.token().expiresAt()).toSeconds();
    }

    private static Response ok(Object entity) {
        return Response.ok(entity, JSON).header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }
}
