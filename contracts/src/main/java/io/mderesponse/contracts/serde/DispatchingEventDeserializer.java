package io.mderesponse.contracts.serde;

import io.mderesponse.contracts.event.Event;
import io.mderesponse.contracts.event.EventType;
import io.mderesponse.contracts.id.SafeText;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a topic that carries several event types, choosing the type by the {@code ce_type} header (the JSON
 * body has no type field). A record without the header, or with a type this topic does not carry, is refused.
 */
public abstract class DispatchingEventDeserializer<T extends Event> implements Deserializer<T> {

    private final Class<T> eventClass;
    private final List<EventType> types;

    protected DispatchingEventDeserializer(Class<T> eventClass, EventType... types) {
        this.eventClass = eventClass;
        this.types = List.of(types);
    }

    /** Without headers the type cannot be known: kafka-clients always calls the overload with headers. */
    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        throw EventReader.problem(topic, "cannot be read without headers: its ce_type header names the event type");
    }

    @Override
    public T deserialize(String topic, Headers headers, byte[] data) {
        if (data == null) {
            return null;
        }
        String ceType = CloudEventHeaders.read(headers, CloudEventHeaders.TYPE)
                .orElseThrow(() -> EventReader.problem(topic, "has no ce_type header; expected one of " + ceTypes()));
        EventType type = types.stream()
                .filter(candidate -> candidate.ceType().equals(ceType))
                .findFirst()
                .orElseThrow(() -> EventReader.problem(topic, "has ce_type " + SafeText.preview(ceType, EventReader.MAX_HEADER_PREVIEW)
                        + ", which is not one of " + ceTypes()));
        return eventClass.cast(EventReader.read(topic, type, data));
    }

    public List<EventType> eventTypes() {
        return types;
    }

    private String ceTypes() {
        return types.stream().map(EventType::ceType).collect(Collectors.joining(", ", "[", "]"));
    }
}
