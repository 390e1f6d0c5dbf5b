package io.mderesponse.contracts.serde;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.UncheckedIOException;

/**
 * The one JSON configuration of the wire format, used by the serialisers and available to anyone who needs the
 * same JSON (tests, tools).
 *
 * <ul>
 *   <li>Instants as ISO-8601 strings ({@code 2021-01-26T20:33:57.722023900Z}), never numeric timestamps.</li>
 *   <li>Unknown properties are ignored: within a schema version fields are only added, and an older consumer
 *       must read a newer producer's events.</li>
 *   <li>Nulls are written, not omitted: every field of a schema version is always present, so the schemas can
 *       require presence and a consumer can tell "known to be empty" from "written by an older producer".</li>
 *   <li>Trailing content after the JSON value is an error rather than silently ignored.</li>
 * </ul>
 */
public final class EventJson {

    private static final ObjectMapper SHARED = newObjectMapper();

    private EventJson() {
    }

    /** A new mapper with the wire settings, for callers that want to add their own on top. */
    public static ObjectMapper newObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                // An enum with a @JsonEnumDefaultValue (MachineActionKind) reads a newer producer's value as that default.
                .enable(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.ALWAYS,
                        JsonInclude.Include.ALWAYS))
                .build();
    }

    /** The shared mapper; it must not be reconfigured (use {@link #newObjectMapper()} for that). */
    static ObjectMapper shared() {
        return SHARED;
    }

    public static String toJson(Object value) {
        try {
            return SHARED.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T fromJson(String json, Class<T> type) {
        try {
            return SHARED.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
