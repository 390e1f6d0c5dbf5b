package io.mderesponse.service.state;

import io.mderesponse.contracts.event.Event;
import io.mderesponse.service.kafka.KafkaClientSettings;
import io.mderesponse.service.observability.RecordTracing;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A transactional producer for a single-active role (the poller, the hunting scheduler) that writes its events and
 * its state in one Kafka transaction: all become visible to {@code read_committed} readers, or none do.
 *
 * <p>The transactional id must be stable for the role, so a restarted instance fences a killed one at once. This
 * uses kafka-clients directly because a SmallRye channel cannot write two topics in one transaction.
 */
public final class TransactionalWriter implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public TransactionalWriter(Map<String, Object> kafkaConfig, String transactionalId) {
        this.producer = new KafkaProducer<>(KafkaClientSettings.transactional(kafkaConfig, transactionalId),
                new StringSerializer(), new ByteArraySerializer());
        this.producer.initTransactions();
    }

    /** The records written inside one transaction. */
    public interface Transaction {

        void send(ProducerRecord<String, byte[]> record);

        /**
         * An event keyed by its {@link Event#kafkaKey()}, in a producer span of {@code tracing} whose context goes
         * in the record's headers for the consumers.
         */
        default <E extends Event> void sendEvent(String topic, E event, Serializer<E> serializer,
                RecordTracing tracing) {
            sendEvent(topic, event, serializer, tracing, () -> { });
        }

        /** As {@link #sendEvent(String, Event, Serializer, RecordTracing)}, running {@code inSpan} in the span. */
        default <E extends Event> void sendEvent(String topic, E event, Serializer<E> serializer,
                RecordTracing tracing, Runnable inSpan) {
            RecordHeaders headers = new RecordHeaders();
            try (RecordTracing.Publishing publishing = tracing.publishing(topic, event, headers)) {
                send(new ProducerRecord<>(topic, null, event.kafkaKey(), serializer.serialize(topic, headers, event),
                        headers));
                inSpan.run();
            }
        }

        /** A state record (UTF-8 text, or null for a tombstone). */
        default void sendState(ProducerRecord<String, String> state) {
            send(new ProducerRecord<>(state.topic(), state.key(),
                    state.value() == null ? null : state.value().getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** Returns once the transaction is committed; throws (after aborting it) when it could not be. */
    public void inTransaction(Consumer<Transaction> work) {
        producer.beginTransaction();
        try {
            work.accept(producer::send);
            producer.commitTransaction();
        } catch (KafkaException e) {
            try {
                producer.abortTransaction();
            } catch (KafkaException abortFailure) {
                e.addSuppressed(abortFailure);
            }
            throw e;
        }
    }

    /** Closes the producer; after a failure without waiting, since its transaction is void anyway. */
    public void close(boolean gracefully) {
        try {
            producer.close(gracefully ? Duration.ofSeconds(30) : Duration.ZERO);
        } catch (KafkaException e) {
            // A producer that already failed may fail to close; it holds nothing we need.
        }
    }

    @Override
    public void close() {
        close(true);
    }
}
