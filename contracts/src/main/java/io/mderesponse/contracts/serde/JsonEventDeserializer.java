package io.mderesponse.contracts.serde;

import io.mderesponse.contracts.event.Event;
import io.mderesponse.contracts.event.EventType;
import io.mderesponse.contracts.id.SafeText;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads one event type. Subclasses exist per type because kafka-clients instantiates deserialisers by class name.
 *
 * <p>A record without {@code ce_type} is read as this type; a record whose {@code ce_type} names another type
 * (or version) is refused, since unknown fields are ignored and it would otherwise be misread.
 */
public abstract class JsonEventDeserializer<T extends Event> implements Deserializer<T> {

    private final Class<T> eventClass;
    private final EventType type;

    protected JsonEventDeserializer(Class<T> eventClass) {
        this.eventClass = eventClass;
        this.type = EventType.of(eventClass);
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        return data == null ? null : eventClass.cast(EventReader.read(topic, type, data));
    }

    @Override
    public T deserialize(String topic, Headers headers, byte[] data) {
        if (data == null) {
            return null;
        }
        CloudEventHeaders.read(headers, CloudEventHeaders.TYPE)
                .filter(ceType -> !ceType.equals(type.ceType()))
                .ifPresent(ceType -> {
                    throw EventReader.problem(topic, "has ce_type " + SafeText.preview(ceType, EventReader.MAX_HEADER_PREVIEW) + " but "
                            + getClass().getSimpleName() + " reads " + type.ceType());
                });
        return deserialize(topic, data);
    }

    public EventType eventType() {
        return type;
    }
}
