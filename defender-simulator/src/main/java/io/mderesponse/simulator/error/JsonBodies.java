package io.mderesponse.simulator.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Reads API request bodies the way the real API binds them: parameter names are case-sensitive, a malformed body
 * is {@code InvalidRequestBody} and a missing parameter is {@code MissingRequiredParameter}.
 */
public final class JsonBodies {

    private JsonBodies() {
    }

    /** The body as a JSON object, or {@code InvalidRequestBody}. */
    public static ObjectNode object(ObjectMapper mapper, String body) {
        if (body == null || body.isBlank()) {
            throw ApiException.badRequest(ErrorCodes.INVALID_REQUEST_BODY, "Request body is empty.");
        }
        JsonNode node;
        try {
            node = mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest(ErrorCodes.INVALID_REQUEST_BODY,
                    "Request body is not valid JSON: " + e.getOriginalMessage());
        }
        if (!(node instanceof ObjectNode object)) {
            throw ApiException.badRequest(ErrorCodes.INVALID_REQUEST_BODY, "Request body must be a JSON object.");
        }
        return object;
    }

    /** A required string parameter, matched by exact name. */
    public static String requiredString(ObjectNode body, String name) {
        return optionalString(body, name).orElseThrow(() -> ApiException.badRequest(
                ErrorCodes.MISSING_REQUIRED_PARAMETER, "Missing required parameter '" + name + "'."));
    }

    /** An optional string parameter, matched by exact name; a non-string value is an invalid body. */
    public static Optional<String> optionalString(ObjectNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest(ErrorCodes.INVALID_REQUEST_BODY,
                    "Parameter '" + name + "' must be a string.");
        }
        return Optional.of(value.asText());
    }
}
