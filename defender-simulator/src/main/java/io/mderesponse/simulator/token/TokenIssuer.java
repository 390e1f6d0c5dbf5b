package io.mderesponse.simulator.token;

import io.mderesponse.simulator.config.RuntimeSettings;
import io.mderesponse.simulator.config.SimulatorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Validates client-credentials requests as Entra ID does and issues tokens for the API the request names: Defender's
 * or Microsoft Graph ({@link Audience}), each carrying the granted permissions of that API only.
 */
@ApplicationScoped
public class TokenIssuer {

    private final SimulatorConfig config;
    private final RuntimeSettings settings;
    private final TokenCodec codec;
    private final Clock clock;

    public TokenIssuer(SimulatorConfig config, RuntimeSettings settings, TokenCodec codec, Clock clock) {
        this.config = config;
        this.settings = settings;
        this.codec = codec;
        this.clock = clock;
    }

    /** An issued token: its claims and its signed form. */
    public record Issued(AccessToken token, String jwt) {
    }

    /** The v2 endpoint: the resource is named by a {@code scope} ending in {@code /.default}. */
    public Issued issueForScope(String tenantId, ClientCredentials request) {
        authenticateClient(tenantId, request);
        if (request.scope() == null || request.scope().isBlank()) {
            throw AadException.missing("scope");
        }
        String scope = request.scope().trim();
        Audience audience = Audience.ofScope(scope).orElseThrow(() -> new AadException(400, "invalid_scope",
                1002012, "The provided value for scope " + scope + " is not valid. Client credential flows must "
                + "have a scope value with /.default suffixed to the resource identifier (application ID URI) of "
                + "the Defender API or Microsoft Graph."));
        return issue(audience, tenantId, request.clientId());
    }

    /** The v1 endpoint: the resource is named directly. */
    public Issued issueForResource(String tenantId, ClientCredentials request) {
        authenticateClient(tenantId, request);
        if (request.resource() == null || request.resource().isBlank()) {
            throw AadException.missing("resource");
        }
        Audience audience = Audience.ofResource(request.resource()).orElseThrow(() -> new AadException(400,
                "invalid_resource", 500011, "The resource principal named " + request.resource()
                + " was not found in the tenant named " + tenantId + "."));
        return issue(audience, tenantId, request.clientId());
    }

    private void authenticateClient(String tenantId, ClientCredentials request) {
        if (request.grantType() == null) {
            throw AadException.missing("grant_type");
        }
        if (!"client_credentials".equals(request.grantType().toLowerCase(Locale.ROOT))) {
            throw new AadException(400, "unsupported_grant_type", 70003,
                    "The app requested an unsupported grant type '" + request.grantType() + "'.");
        }
        if (request.clientId() == null) {
            throw AadException.missing("client_id");
        }
        if (!config.clientId().equals(request.clientId())) {
            throw new AadException(400, "unauthorized_client", 700016, "Application with identifier '"
                    + request.clientId() + "' was not found in the directory '" + tenantId + "'.");
        }
        if (request.clientSecret() == null) {
            throw new AadException(401, "invalid_client", 7000218,
                    "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
        }
        if (!config.clientSecret().equals(request.clientSecret())) {
            throw new AadException(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the "
                    + "secret being sent in the request is the client secret value, not the client secret ID, for "
                    + "a secret added to app '" + request.clientId() + "'.");
        }
    }

    private Issued issue(Audience audience, String tenantId, String clientId) {
        Instant now = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        List<String> roles = settings.current().roles().stream().filter(audience::owns).toList();
        AccessToken token = new AccessToken(audience, tenantId, clientId, roles, now,
                now.plus(settings.current().tokenLifetime()));
        return new Issued(token, codec.encode(token));
    }
}
