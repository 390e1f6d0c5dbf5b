package io.mderesponse.simulator.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.mderesponse.simulator.odata.DateTimes;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;

/** Writes and reads instants in the API's own format (see {@link DateTimes}). */
@Singleton
public class JsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        SimpleModule module = new SimpleModule("defender-date-times");
        module.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(DateTimes.format(value));
            }
        });
        module.addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                String text = parser.getValueAsString();
                return DateTimes.parse(text).orElseThrow(() -> context.weirdStringException(text, Instant.class,
                        "expected an ISO-8601 date-time with an offset, e.g. 2021-01-26T20:33:57Z"));
            }
        });
        mapper.registerModule(module);
    }

    @Override
    public int priority() {
        // After Quarkus' own customizer, so these serializers win over the JavaTimeModule's.
        return MINIMUM_PRIORITY;
    }
}
