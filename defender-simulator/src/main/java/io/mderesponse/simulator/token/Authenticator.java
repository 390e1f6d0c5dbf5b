package io.mderesponse.simulator.token;

import io.mderesponse.simulator.config.RuntimeSettings;
import io.mderesponse.simulator.error.ApiException;
import io.mderesponse.simulator.error.ErrorCodes;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Checks the bearer token of an API call: 401 when missing, forged, expired or issued for the other API, 403 when a
 * permission is missing.
 */
@ApplicationScoped
public class Authenticator {

    private static final String BEARER = "bearer ";

    private final TokenCodec codec;
    private final RuntimeSettings settings;

    public Authenticator(TokenCodec codec, RuntimeSettings settings) {
        this.codec = codec;
        this.settings = settings;
    }

    /** The caller's token, or an {@link ApiException} with status 401 or 403. */
    public AccessToken authenticate(String authorization, Audience audience, Collection<String> anyOfRoles,
            Instant now) {
        if (authorization == null || !authorization.toLowerCase(Locale.ROOT).startsWith(BEARER)) {
            throw unauthorized("Authorization header with a bearer token is missing.");
        }
        AccessToken token = codec.decode(authorization.substring(BEARER.length()).trim())
                .orElseThrow(() -> unauthorized("The access token is invalid."));
        if (token.isExpiredAt(now)) {
            throw unauthorized("The access token has expired.");
        }
        if (token.audience() != audience) {
            // Graph's own wording for a token of another resource; Defender's API just says 401.
            throw audience == Audience.GRAPH
                    ? new ApiException(401, "InvalidAuthenticationToken",
                            "Access token validation failure. Invalid audience.")
                    : unauthorized("The access token was issued for " + token.audience().aud()
                            + ", not for this API (" + audience.aud() + ").");
        }
        // A permission removed at run time (admin settings) is refused at once, also in tokens issued before: tests
        // need not wait for a cached token to expire. Entra ID would keep honouring it until the token expires.
        List<String> granted = settings.current().roles();
        boolean allowed = anyOfRoles.isEmpty()
                || anyOfRoles.stream().anyMatch(role -> granted.contains(role) && token.roles().contains(role));
        if (!allowed) {
            throw new ApiException(403, ErrorCodes.FORBIDDEN, "The application does not have any of the required "
                    + "application permissions (" + String.join(", ", anyOfRoles) + ") to access the resource.");
        }
        return token;
    }

    /** The application id of an already authenticated call, for the {@code requestor} of machine actions. */
    public String appIdOf(String authorization) {
        return codec.decode(authorization.substring(BEARER.length()).trim()).map(AccessToken::appId).orElse(null);
    }

    private static ApiException unauthorized(String message) {
        return new ApiException(401, ErrorCodes.UNAUTHORIZED, message);
    }
}
