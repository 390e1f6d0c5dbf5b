package io.mderesponse.contracts.serde;

import com.fasterxml.jackson.databind.ObjectReader;
import io.mderesponse.contracts.event.Event;
import io.mderesponse.contracts.event.EventType;
import io.mderesponse.contracts.id.SafeText;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;

/** Parses one event type, turning every failure into a {@link SerializationException} that names the topic. */
final class EventReader {

    /** Long enough for Jackson's reason, location and reference path; short enough for one log line. */
    private static final int MAX_REASON_LENGTH = 500;

    /** Enough to show any real ce_type in full, while a hostile header stays short. */
    static final int MAX_HEADER_PREVIEW = 64;

    private static final ObjectReader READER = EventJson.shared().reader();

    private EventReader() {
    }

    static Event read(String topic, EventType type, byte[] data) {
        try {
            return READER.readValue(data, type.eventClass());
        } catch (IOException | RuntimeException e) {
            // The reason may quote the record's (untrusted) content: keep it to one bounded line.
            throw new SerializationException("Cannot deserialise " + type.ceType() + " from topic '" + topic + "': "
                    + SafeText.singleLine(e.getMessage(), MAX_REASON_LENGTH), e);
        }
    }

    static SerializationException problem(String topic, String problem) {
        return new SerializationException("Record on topic '" + topic + "' " + problem);
    }
}
