package io.mderesponse.contracts.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.mderesponse.contracts.event.EventType;
import io.mderesponse.contracts.id.SafeText;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The published JSON Schemas of the events (draft 2020-12, on the class path under
 * {@code io/mderesponse/contracts/schemas/v1/}), and validation of JSON against them.
 *
 * <p>{@code format} is asserted ({@code uuid}, {@code date-time}), not only annotated, so a malformed id or
 * time fails validation as it would fail deserialisation.
 */
public final class EventSchemas {

    /** Long enough for a parser's reason and position, short enough for one log line. */
    private static final int MAX_PARSE_ERROR_LENGTH = 300;

    private static final ObjectMapper TREE_READER = new ObjectMapper();
    private static final Map<EventType, Schema> SCHEMAS = loadAll();

    private EventSchemas() {
    }

    /**
     * Validates {@code json} against {@code type}'s schema.
     *
     * @return one message per violation ({@code "/alertId: does not match the regex pattern ..."}), empty when
     *     valid; a single message when {@code json} is not JSON at all
     */
    public static List<String> validate(EventType type, String json) {
        List<Error> errors;
        try {
            errors = SCHEMAS.get(type).validate(json, InputFormat.JSON);
        } catch (RuntimeException e) {
            // The validator parses with Jackson 3 and throws its own exception types for malformed input.
            return List.of("/: not valid JSON: " + SafeText.singleLine(e.getMessage(), MAX_PARSE_ERROR_LENGTH));
        }
        return errors.stream().map(EventSchemas::describe).toList();
    }

    /** Validates a Jackson tree (for instance from {@code EventJson.newObjectMapper().valueToTree(event)}). */
    public static List<String> validate(EventType type, JsonNode json) {
        return validate(type, json.toString());
    }

    /** The schema file's text. */
    public static String schemaText(EventType type) {
        try (InputStream in = open(type)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema file as a Jackson tree, e.g. for {@link SchemaCompatibility}. */
    public static JsonNode schemaNode(EventType type) {
        try {
            return TREE_READER.readTree(schemaText(type));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(Error error) {
        String location = error.getInstanceLocation().toString();
        return (location.isEmpty() ? "/" : location) + ": " + error.getMessage();
    }

    private static Map<EventType, Schema> loadAll() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .formatAssertionsEnabled(true)
                .locale(Locale.ROOT)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemaRegistryConfig(config));
        Map<EventType, Schema> schemas = new EnumMap<>(EventType.class);
        for (EventType type : EventType.values()) {
            schemas.put(type, registry.getSchema(schemaText(type), InputFormat.JSON));
        }
        return schemas;
    }

    private static InputStream open(EventType type) {
        InputStream in = EventSchemas.class.getClassLoader().getResourceAsStream(type.schemaResource());
        if (in == null) {
            throw new IllegalStateException("Schema " + type.schemaResource() + " is missing from the class path");
        }
        return in;
    }
}
