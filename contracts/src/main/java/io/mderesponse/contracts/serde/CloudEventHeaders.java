package io.mderesponse.contracts.serde;

import io.mderesponse.contracts.event.Event;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** The CloudEvents Kafka binary-binding headers this system writes, and how to read and write them. */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String TIME = "ce_time";
    /** A CloudEvents extension attribute: the event's correlation id (alert id, row key, or release decision id). */
    public static final String CORRELATION_ID = "ce_correlationid";
    /** The binary binding carries {@code datacontenttype} in Kafka's {@code content-type} header. */
    public static final String CONTENT_TYPE = "content-type";

    public static final String SPEC_VERSION_1_0 = "1.0";
    public static final String APPLICATION_JSON = "application/json";

    private CloudEventHeaders() {
    }

    /**
     * Adds each CloudEvents header that is not already there; a header someone set on purpose (for instance by
     * the messaging framework) is left alone.
     */
    public static void writeIfAbsent(Headers headers, Event event, String source) {
        addIfAbsent(headers, ID, event.eventId().toString());
        addIfAbsent(headers, TYPE, event.eventType().ceType());
        addIfAbsent(headers, SOURCE, source);
        addIfAbsent(headers, SPEC_VERSION, SPEC_VERSION_1_0);
        addIfAbsent(headers, TIME, event.occurredAt().toString());
        addIfAbsent(headers, CORRELATION_ID, event.correlationId());
        addIfAbsent(headers, CONTENT_TYPE, APPLICATION_JSON);
    }

    /** The last value of header {@code name} as UTF-8, if present. */
    public static Optional<String> read(Headers headers, String name) {
        if (headers == null) {
            return Optional.empty();
        }
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null) {
            return Optional.empty();
        }
        return Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    /** Replaces any value of header {@code name} with {@code value}. */
    public static void write(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void addIfAbsent(Headers headers, String name, String value) {
        if (headers.lastHeader(name) == null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
