package io.mderesponse.contracts.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mderesponse.contracts.event.Event;
import io.mderesponse.contracts.serde.EventJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/** Small helpers over schema and event JSON trees for the schema tests. */
final class SchemaTrees {

    private SchemaTrees() {
    }

    static ObjectNode tree(Event event) {
        return EventJson.newObjectMapper().valueToTree(event);
    }

    static Set<String> propertyNames(JsonNode objectSchema) {
        Set<String> names = new TreeSet<>();
        objectSchema.get("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.isNull() ? null : value.asText()));
        return values;
    }

    /** Whether a property's schema admits JSON null: a {@code type} list with "null", or an anyOf branch of it. */
    static boolean allowsNull(JsonNode propertySchema) {
        JsonNode type = propertySchema.get("type");
        if (type != null && (type.isArray() ? strings(type).contains("null") : type.asText().equals("null"))) {
            return true;
        }
        JsonNode anyOf = propertySchema.get("anyOf");
        if (anyOf != null) {
            for (JsonNode branch : anyOf) {
                if (allowsNull(branch)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Visits every property schema at any depth, with its name. */
    static void forEachProperty(JsonNode schema, BiConsumer<String, JsonNode> visitor) {
        if (schema.isObject()) {
            JsonNode properties = schema.get("properties");
            if (properties != null) {
                properties.fields().forEachRemaining(entry -> visitor.accept(entry.getKey(), entry.getValue()));
            }
            schema.forEach(child -> forEachProperty(child, visitor));
        } else if (schema.isArray()) {
            schema.forEach(child -> forEachProperty(child, visitor));
        }
    }
}
