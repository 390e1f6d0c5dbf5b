package io.mderesponse.decision.messaging;

import io.mderesponse.service.kafka.KafkaClientSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads a topic from its beginning to the end offsets it had when the read began, with a throwaway consumer:
 * no consumer group (partitions are assigned, not subscribed), so it never commits an offset, never joins the
 * service's group and never moves the live consumer; no producer, so it writes nothing; topics are never
 * auto-created. Records are read as committed ({@code read_committed}), as the live consumer sees them.
 */
public final class RetainedTopic {

    private static final Duration POLL = Duration.ofMillis(500);

    private final Map<String, Object> kafkaConfig;
    private final Clock clock;

    /** @param kafkaConfig the application's {@code kafka.*} settings (bootstrap servers, security) */
    public RetainedTopic(Map<String, Object> kafkaConfig, Clock clock) {
        this.kafkaConfig = kafkaConfig;
        this.clock = clock;
    }

    /** How a read ended. */
    public record Result(long records, boolean complete, String incompleteBecause) {
    }

    /**
     * Hands each record to {@code sink} until the end, {@code maxRecords} records or {@code timeout}, whichever
     * comes first. Every wait (metadata, offsets, polls) is cut to the time left, and the deadline is checked
     * before each record, so the read answers within about {@code timeout} plus one record's handling.
     */
    public Result read(String topic, long maxRecords, Duration timeout,
            Consumer<ConsumerRecord<byte[], byte[]>> sink) {
        Instant deadline = clock.instant().plus(timeout);
        String late = "stopped after " + timeout + " (rules.backtest.timeout)";
        long records = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig(kafkaConfig),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, left(deadline)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            if (partitions.isEmpty()) {
                return new Result(0, false, "the topic " + topic + " does not exist");
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, left(deadline));
            while (!atEnd(consumer, end, deadline)) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(min(POLL, left(deadline)))) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue; // written after the back-test began
                    }
                    if (records >= maxRecords) {
                        return new Result(records, false, "stopped after " + maxRecords
                                + " records (rules.backtest.max-records)");
                    }
                    if (!clock.instant().isBefore(deadline)) {
                        return new Result(records, false, late);
                    }
                    records++;
                    sink.accept(record);
                }
                if (!clock.instant().isBefore(deadline)) {
                    return new Result(records, false, late);
                }
            }
        } catch (TimeoutException e) {
            // Metadata, offsets or a position not known before the deadline (e.g. an unreachable broker).
            return new Result(records, false, late + ": " + e.getMessage());
        }
        return new Result(records, true, null);
    }

    private Duration left(Instant deadline) {
        Duration left = Duration.between(clock.instant(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private boolean atEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end, Instant deadline) {
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            if (consumer.position(partition.getKey(), left(deadline)) < partition.getValue()) {
                return false;
            }
        }
        return true;
    }

    static Map<String, Object> consumerConfig(Map<String, Object> kafkaConfig) {
        return KafkaClientSettings.groupless(kafkaConfig, "decision-service-backtest-" + UUID.randomUUID());
    }
}
