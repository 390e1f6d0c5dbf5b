package io.mderesponse.notifier.ledger;

import io.mderesponse.contracts.serde.EventJson;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The sent-log on its compacted, single-partition topic, written and read with kafka-clients: each write waits for
 * the broker's acknowledgement ({@code acks=all}); {@link #catchUp} reads from where it stopped (at start: from the
 * beginning) to the current end, seeking past the records this instance wrote itself (their offsets are known from
 * the acknowledgements, and the ledger applied them when it wrote them), so it fetches only what others wrote.
 * Writes may come from several threads at once; reads are serialised.
 */
public final class KafkaSentLog implements SentLogStore, AutoCloseable {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final String topic;
    private final Duration writeTimeout;
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> reader;
    private final TopicPartition partition;
    /** Offsets of this instance's acknowledged writes not yet passed by the reader. */
    private final ConcurrentSkipListSet<Long> ownOffsets = new ConcurrentSkipListSet<>();
    private final AtomicLong fetched = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();

    public KafkaSentLog(Map<String, Object> kafkaConfig, String topic, Duration writeTimeout) {
        this.topic = topic;
        this.writeTimeout = writeTimeout;
        Map<String, Object> producerConfig = new HashMap<>(kafkaConfig);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, "notifier-service-sent-log-writer");
        // Every write is awaited before the email's record is acknowledged: waiting for a batch to fill would only
        // add its linger to each email; writes from concurrent senders still share a request while one is in flight.
        producerConfig.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producer = new KafkaProducer<>(known(producerConfig, ProducerConfig.configNames()), new StringSerializer(),
                new StringSerializer());
        Map<String, Object> consumerConfig = new HashMap<>(kafkaConfig);
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "notifier-service-sent-log-reader");
        consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        reader = new KafkaConsumer<>(known(consumerConfig, ConsumerConfig.configNames()), new StringDeserializer(),
                new StringDeserializer());
        partition = new TopicPartition(topic, 0);
        reader.assign(List.of(partition));
        reader.seekToBeginning(List.of(partition));
    }

    @Override
    public void write(String key, SentEntry entry) {
        try {
            RecordMetadata written = producer.send(new ProducerRecord<>(topic, key,
                    entry == null ? null : EventJson.toJson(entry))).get(writeTimeout.toMillis(),
                    TimeUnit.MILLISECONDS);
            // The caller applies its own entry; catch-up only needs to step over it. A write whose acknowledgement
            // was lost is not listed here, so if it did land, catch-up reads it back like anyone else's.
            ownOffsets.add(written.offset());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while writing to " + topic, e);
        } catch (ExecutionException e) {
            throw new KafkaException("Could not write to " + topic + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("Kafka did not acknowledge a write to " + topic + " within " + writeTimeout, e);
        }
    }

    /**
     * Passes every record up to the current end that this instance did not write itself. Its own writes are not
     * fetched: where the records between the reader's position and the end are all its own, it seeks past them
     * (the common case, one replica), so a catch-up costs one end-offset request instead of a fetch round trip.
     * Another replica's record is never in the own-offset set, so it is always fetched and passed on; after a
     * restart the set is empty and the whole topic is read.
     */
    @Override
    public synchronized void catchUp(BiConsumer<String, SentEntry> apply) {
        long end = reader.endOffsets(List.of(partition), READ_TIMEOUT).get(partition);
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (skipOwn(end) < end) {
            if (System.nanoTime() > deadline) {
                throw new KafkaException("Could not read " + topic + " to its end within " + READ_TIMEOUT);
            }
            for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(200))) {
                if (ownOffsets.remove(record.offset())) {
                    skipped.incrementAndGet();
                    continue;
                }
                fetched.incrementAndGet();
                try {
                    apply.accept(record.key(), record.value() == null ? null
                            : EventJson.fromJson(record.value(), SentEntry.class));
                } catch (RuntimeException e) {
                    // Skipping it could send an email twice; fail loudly instead.
                    throw new IllegalStateException("Unreadable sent-log record " + topic + "@" + record.offset()
                            + ": " + e.getMessage(), e);
                }
            }
        }
    }

    /**
     * Moves the reader past the run of own offsets at its position (without fetching them) and forgets own offsets
     * it has passed; answers the position.
     */
    private long skipOwn(long end) {
        long position = reader.position(partition, READ_TIMEOUT);
        long next = position;
        while (next < end && ownOffsets.remove(next)) {
            next++;
        }
        if (next != position) {
            reader.seek(partition, next);
            skipped.addAndGet(next - position);
        }
        ownOffsets.headSet(next).clear();
        return next;
    }

    /** Records fetched and passed on (others' writes, and everything at start) since start, for logs and tests. */
    public long fetchedRecords() {
        return fetched.get();
    }

    /** Own records stepped over without being passed on, since start, for logs and tests. */
    public long skippedOwnRecords() {
        return skipped.get();
    }

    @Override
    public synchronized void close() {
        producer.close(Duration.ofSeconds(5));
        reader.close(Duration.ofSeconds(5));
    }

    private static Map<String, Object> known(Map<String, Object> config, Set<String> names) {
        Map<String, Object> filtered = new HashMap<>();
        config.forEach((key, value) -> {
            if (names.contains(key)) {
                filtered.put(key, value);
            }
        });
        return filtered;
    }
}
