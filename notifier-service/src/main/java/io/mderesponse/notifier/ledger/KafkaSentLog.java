package io.mderesponse.notifier.ledger;

import io.mderesponse.contracts.serde.EventJson;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The sent-log on its compacted, single-partition topic, written and read with kafka-clients: each write waits for
 * the broker's acknowledgement ({@code acks=all}); {@link #catchUp} reads from where it stopped (at start: from the
 * beginning) to the current end.
 */
public final class KafkaSentLog implements SentLogStore, AutoCloseable {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final String topic;
    private final Duration writeTimeout;
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> reader;
    private final TopicPartition partition;

    public KafkaSentLog(Map<String, Object> kafkaConfig, String topic, Duration writeTimeout) {
        this.topic = topic;
        this.writeTimeout = writeTimeout;
        Map<String, Object> producerConfig = new HashMap<>(kafkaConfig);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, "notifier-service-sent-log-writer");
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
    public synchronized void write(String key, SentEntry entry) {
        try {
            producer.send(new ProducerRecord<>(topic, key, entry == null ? null : EventJson.toJson(entry)))
                    .get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while writing to " + topic, e);
        } catch (ExecutionException e) {
            throw new KafkaException("Could not write to " + topic + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("Kafka did not acknowledge a write to " + topic + " within " + writeTimeout, e);
        }
    }

    @Override
    public synchronized void catchUp(BiConsumer<String, SentEntry> apply) {
        long end = reader.endOffsets(List.of(partition), READ_TIMEOUT).get(partition);
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (reader.position(partition, READ_TIMEOUT) < end) {
            if (System.nanoTime() > deadline) {
                throw new KafkaException("Could not read " + topic + " to its end within " + READ_TIMEOUT);
            }
            for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(200))) {
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
