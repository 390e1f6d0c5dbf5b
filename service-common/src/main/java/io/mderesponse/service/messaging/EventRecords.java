package io.mderesponse.service.messaging;

import io.mderesponse.contracts.event.Event;
import io.mderesponse.service.observability.RecordLogContext;
import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Deserializer;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reading events from raw records and keying outgoing ones.
 *
 * <p>Channels receive the raw bytes and the service deserialises here, so that a record that does not parse
 * reaches the dead letter topic byte for byte, with the reason, instead of stopping the channel or losing its
 * content.
 */
public final class EventRecords {

    private EventRecords() {
    }

    /**
     * The event in {@code message}; a {@link PoisonRecordException} saying why when it cannot be read. Its alert
     * and machine ids go into the log context of the record ({@link RecordLogContext}).
     */
    public static <T> T read(Message<byte[]> message, Deserializer<T> deserializer) {
        IncomingKafkaRecordMetadata<?, ?> metadata = message.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElse(null);
        String topic = metadata != null ? metadata.getTopic() : "(unknown topic)";
        Headers headers = metadata != null ? metadata.getHeaders() : new RecordHeaders();
        if (message.getPayload() == null) {
            throw new PoisonRecordException("Record " + position(metadata) + " has no value");
        }
        T event;
        try {
            event = deserializer.deserialize(topic, headers, message.getPayload());
        } catch (RuntimeException e) {
            throw new PoisonRecordException("Record " + position(metadata) + " is not a valid event: "
                    + e.getMessage(), e);
        }
        if (event instanceof Event readable) {
            RecordLogContext.enter(readable);
        }
        return event;
    }

    /**
     * A message carrying {@code event} under the record key the architecture prescribes for it, in the trace
     * current now. The trace goes with the message because the Kafka connector starts the record's span on whichever
     * thread hands it to the producer, and without it takes that thread's current trace: with records handled at
     * the same time, another record's.
     */
    public static <T extends Event> Message<T> keyed(T event) {
        return Message.of(event).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.kafkaKey())
                .build()).addMetadata(TracingMetadata.withCurrent(Context.current()));
    }

    private static String position(IncomingKafkaRecordMetadata<?, ?> metadata) {
        return metadata == null ? "(no Kafka metadata)"
                : metadata.getTopic() + "-" + metadata.getPartition() + "@" + metadata.getOffset();
    }
}
