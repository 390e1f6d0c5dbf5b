package io.mderesponse.contracts.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.mderesponse.contracts.event.Event;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes any {@link Event} as JSON and adds the CloudEvents headers that are absent ({@code ce_id},
 * {@code ce_type}, {@code ce_source}, {@code ce_specversion}, {@code ce_time}, {@code ce_correlationid},
 * {@code content-type}).
 *
 * <p>Configure {@value #SOURCE_CONFIG} with the producing service's name; it defaults to
 * {@value #DEFAULT_SOURCE}. A null event stays null (a tombstone).
 */
public class JsonEventSerializer<T extends Event> implements Serializer<T> {

    /** Producer property naming {@code ce_source}. */
    public static final String SOURCE_CONFIG = "cloudevents.source";
    public static final String DEFAULT_SOURCE = "mde-response";

    private final ObjectWriter writer = EventJson.shared().writer();
    private String source;

    /** For kafka-clients, which instantiates by class name and then calls {@link #configure}. */
    public JsonEventSerializer() {
        this(DEFAULT_SOURCE);
    }

    public JsonEventSerializer(String source) {
        this.source = source;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        Object configured = configs.get(SOURCE_CONFIG);
        if (configured != null) {
            if (configured.toString().isBlank()) {
                throw new ConfigException(SOURCE_CONFIG, configured, "must not be blank");
            }
            source = configured.toString();
        }
    }

    /** The JSON alone; kafka-clients calls the overload with headers, which also writes the CloudEvents headers. */
    @Override
    public byte[] serialize(String topic, T event) {
        if (event == null) {
            return null;
        }
        try {
            return writer.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new SerializationException("Cannot serialise " + event.eventType().ceType() + " "
                    + event.eventId() + " for topic '" + topic + "': " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public byte[] serialize(String topic, Headers headers, T event) {
        if (event != null && headers != null) {
            CloudEventHeaders.writeIfAbsent(headers, event, source);
        }
        return serialize(topic, event);
    }

    /** The {@code ce_source} this serialiser writes. */
    public String source() {
        return source;
    }
}
