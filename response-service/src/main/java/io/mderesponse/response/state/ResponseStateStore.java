package io.mderesponse.response.state;

import io.mderesponse.contracts.serde.EventJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * The response service's state on its two compacted topics, keyed by request id: intents
 * ({@code defender.internal.response.intents}) and request → machine action progress
 * ({@code defender.internal.response.request-actions}).
 *
 * <p>Every write waits for the broker's acknowledgement ({@code acks=all}) before it enters the table, so the
 * table never holds what Kafka might have lost. {@link #load()} reads both topics whole at start;
 * {@link #catchUp()} reads what was written since (by another instance, after a rebalance) and is called before
 * each decision to call Defender.
 */
public final class ResponseStateStore implements StateWriter, AutoCloseable {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final Map<String, Object> kafkaConfig;
    private final String intentsTopic;
    private final String progressTopic;
    private final Duration writeTimeout;
    private final ResponseState state = new ResponseState();
    private KafkaProducer<String, String> producer;
    private KafkaConsumer<String, String> reader;

    public ResponseStateStore(Map<String, Object> kafkaConfig, String intentsTopic, String progressTopic,
            Duration writeTimeout) {
        this.kafkaConfig = Map.copyOf(kafkaConfig);
        this.intentsTopic = intentsTopic;
        this.progressTopic = progressTopic;
        this.writeTimeout = writeTimeout;
    }

    public ResponseState state() {
        return state;
    }

    /** Opens the producer and reads both topics from their beginning; fails loudly on a record it cannot read. */
    public synchronized void load() {
        Map<String, Object> producerConfig = new HashMap<>(kafkaConfig);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, "response-service-state-writer");
        producer = new KafkaProducer<>(clientConfig(producerConfig, ProducerConfig.configNames()),
                new StringSerializer(), new StringSerializer());

        Map<String, Object> consumerConfig = new HashMap<>(kafkaConfig);
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "response-service-state-reader");
        consumerConfig.remove(ConsumerConfig.GROUP_ID_CONFIG);
        reader = new KafkaConsumer<>(clientConfig(consumerConfig, ConsumerConfig.configNames()),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(intentsTopic, progressTopic)) {
            reader.partitionsFor(topic, READ_TIMEOUT)
                    .forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        }
        reader.assign(partitions);
        reader.seekToBeginning(partitions);
        catchUp();
    }

    /** Reads every record written to the state topics since the last read, up to their current end. */
    public synchronized void catchUp() {
        if (reader == null) {
            throw new IllegalStateException("The response state is not loaded yet");
        }
        Map<TopicPartition, Long> end = reader.endOffsets(reader.assignment(), READ_TIMEOUT);
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (end.entrySet().stream().anyMatch(e -> reader.position(e.getKey(), READ_TIMEOUT) < e.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new KafkaException("Could not read the response state topics to their end within "
                        + READ_TIMEOUT);
            }
            for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(200))) {
                apply(record);
            }
        }
    }

    @Override
    public void recordIntent(RequestIntent intent) {
        long offset = write(intentsTopic, intent.requestId(), EventJson.toJson(intent));
        state.applyIntent(intent.requestId(), intent, offset);
    }

    @Override
    public void forgetIntent(UUID requestId) {
        long offset = write(intentsTopic, requestId, null);
        state.applyIntent(requestId, null, offset);
    }

    @Override
    public void recordProgress(RequestProgress progress) {
        long offset = write(progressTopic, progress.requestId(), EventJson.toJson(progress));
        state.applyProgress(progress.requestId(), progress, offset);
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        if (reader != null) {
            reader.close(Duration.ofSeconds(5));
        }
    }

    /** Sends one record and waits for the broker's acknowledgement; answers its offset. */
    private long write(String topic, UUID requestId, String value) {
        if (producer == null) {
            throw new IllegalStateException("The response state is not loaded yet");
        }
        try {
            RecordMetadata written = producer.send(new ProducerRecord<>(topic, requestId.toString(), value))
                    .get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return written.offset();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while writing to " + topic, e);
        } catch (ExecutionException e) {
            throw new KafkaException("Could not write request " + requestId + " to " + topic + ": "
                    + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("Kafka did not acknowledge request " + requestId + " on " + topic + " within "
                    + writeTimeout, e);
        }
    }

    private void apply(ConsumerRecord<String, String> record) {
        UUID requestId;
        try {
            requestId = UUID.fromString(record.key());
            if (record.topic().equals(intentsTopic)) {
                state.applyIntent(requestId, record.value() == null ? null
                        : EventJson.fromJson(record.value(), RequestIntent.class), record.offset());
            } else {
                state.applyProgress(requestId, record.value() == null ? null
                        : EventJson.fromJson(record.value(), RequestProgress.class), record.offset());
            }
        } catch (RuntimeException e) {
            // Skipping it could forget that a request was carried out, and carry it out again.
            throw new IllegalStateException("Unreadable state record " + record.topic() + "-" + record.partition()
                    + "@" + record.offset() + " (key " + record.key() + "): " + e.getMessage(), e);
        }
    }

    /** The settings of {@code config} that this kind of client knows, so it logs no warning about the others. */
    private static Map<String, Object> clientConfig(Map<String, Object> config, Set<String> known) {
        Map<String, Object> filtered = new HashMap<>();
        config.forEach((key, value) -> {
            if (known.contains(key)) {
                filtered.put(key, value);
            }
        });
        return filtered;
    }
}
