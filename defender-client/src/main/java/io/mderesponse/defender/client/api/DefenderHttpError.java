package io.mderesponse.defender.client.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mderesponse.defender.client.error.ErrorDetails;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/**
 * A non-2xx answer as it came: status, Retry-After and the parsed error body. Internal: the retry loop decides
 * from it whether to try again and then turns it into a typed {@code DefenderApiException}.
 */
public final class DefenderHttpError extends RuntimeException {

    // Only for error bodies: plain Jackson, as the static mapper method has no CDI beans at hand.
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ErrorDetails details;
    private final String retryAfter;

    public DefenderHttpError(ErrorDetails details, String retryAfter) {
        // No stack trace: this is control flow between the REST client and the retry loop.
        super("HTTP " + details.httpStatus(), null, false, false);
        this.details = details;
        this.retryAfter = retryAfter;
    }

    static DefenderHttpError from(Response response) {
        String notSent = response.getHeaderString(ThrottleGate.NOT_SENT_HEADER);
        if (notSent != null) {
            return new DefenderHttpError(new ErrorDetails(response.getStatus(), ThrottleGate.NOT_SENT_CODE, notSent,
                    null), response.getHeaderString("Retry-After"));
        }
        return new DefenderHttpError(parse(response.getStatus(), body(response)),
                response.getHeaderString("Retry-After"));
    }

    public ErrorDetails details() {
        return details;
    }

    /** The raw {@code Retry-After} header, or null. */
    public String retryAfter() {
        return retryAfter;
    }

    /** Reads {@code {"error":{"code","message","target"}}}; a body of another shape becomes the message. */
    static ErrorDetails parse(int status, String body) {
        if (body == null || body.isBlank()) {
            return ErrorDetails.status(status);
        }
        try {
            JsonNode error = JSON.readTree(body).path("error");
            if (error.isObject()) {
                return new ErrorDetails(status, ErrorDetails.clean(text(error, "code")),
                        ErrorDetails.clean(text(error, "message")), ErrorDetails.clean(text(error, "target")));
            }
        } catch (IOException e) {
            // Not JSON (a gateway's HTML page, say): keep the start of it as the message.
        }
        return new ErrorDetails(status, null, ErrorDetails.clean(body.strip()), null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String body(Response response) {
        try {
            return response.hasEntity() ? response.readEntity(String.class) : null;
        } catch (ProcessingException | IllegalStateException e) {
            // The status alone still classifies the failure.
            return null;
        }
    }
}
