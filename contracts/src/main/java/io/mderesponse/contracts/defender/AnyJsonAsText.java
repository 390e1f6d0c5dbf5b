package io.mderesponse.contracts.defender;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * Reads any JSON value as text (a string as itself, anything else as its JSON), for array elements whose type
 * Defender does not document, so an unexpected shape never makes a whole alert unreadable.
 */
public final class AnyJsonAsText extends JsonDeserializer<String> {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonNode node = context.readTree(parser);
        return node.isTextual() ? node.asText() : node.toString();
    }
}
