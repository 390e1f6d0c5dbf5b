package io.mderesponse.service.state;

import io.mderesponse.service.kafka.KafkaClientSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a state topic from its beginning to its current end, committed records only, without a consumer group:
 * how a service rebuilds the state it keeps on a compacted topic (latest value per key, tombstones as null) at
 * start. The end offsets are taken once, so records written while reading are left to the caller's later reads.
 */
public final class CompactedTopicReader {

    private static final Duration POLL = Duration.ofMillis(500);

    private CompactedTopicReader() {
    }

    /**
     * Hands every record of {@code topic} to {@code apply}, in offset order per partition; throws
     * {@link IllegalStateException} naming {@code what} when the end is not reached within {@code timeout}.
     */
    public static void readAll(Map<String, Object> kafkaConfig, String topic, Duration timeout, String what,
            Consumer<ConsumerRecord<String, String>> apply) {
        Map<String, Object> config = KafkaClientSettings.groupless(kafkaConfig,
                "read-" + topic + "-" + UUID.randomUUID());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + what + " from " + topic + " within " + timeout);
                }
                consumer.poll(POLL).forEach(apply);
            }
        }
    }
}
