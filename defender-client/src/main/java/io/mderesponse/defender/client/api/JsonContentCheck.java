package io.mderesponse.defender.client.api;

import io.mderesponse.defender.client.error.ErrorDetails;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Checks answers below 400, which the exception mapper does not see: a redirect becomes a
 * {@link DefenderHttpError}, and a 2xx that is not JSON (a proxy's HTML page, say) an unreadable response, instead
 * of the REST client's generic "could not be mapped" error.
 */
public class JsonContentCheck implements ClientResponseFilter {

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        int status = response.getStatus();
        if (status >= 300 && status < 400) {
            // Redirects are not followed: the API never sends one, so it points at a wrong base URL.
            throw new DefenderHttpError(ErrorDetails.status(status), null);
        }
        // Other statuses outside 2xx: errors go to the exception mapper; the client reports failed calls as 0.
        if (status < 200 || status >= 300 || !response.hasEntity()) {
            return;
        }
        MediaType type = response.getMediaType();
        if (type == null) {
            // No content type at all: let Jackson try; it reports what is wrong if the body is no JSON either.
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        } else if (!type.getSubtype().endsWith("json")) {
            throw new UnreadableResponseException("content type " + type.getType() + "/" + type.getSubtype()
                    + ", not JSON");
        }
    }
}
