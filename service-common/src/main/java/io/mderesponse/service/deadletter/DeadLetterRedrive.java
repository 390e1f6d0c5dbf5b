package io.mderesponse.service.deadletter;

import io.mderesponse.contracts.access.KafkaAccess;
import io.mderesponse.service.kafka.KafkaClientSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Moves a channel's dead letters to its retry topic, which only its own consumer group reads, so a redrive never
 * reaches other groups and never duplicates a record of a public topic.
 *
 * <p>"Moves": the records copied and the redrive's position in the dead letter topic (consumer group
 * {@code <group>.redrive}) are committed in one Kafka transaction, so each dead letter is put back exactly once,
 * however often and from whichever replica the redrive is asked for. Key, value and headers are kept, except
 * SmallRye's {@code dead-letter-*} headers: the last reason travels on as {@code redrive-dead-letter-reason}, the
 * origin as {@code redrive-source}; if the record fails again it comes back with fresh {@code dead-letter-*}
 * headers.
 */
public final class DeadLetterRedrive {

    public static final String REASON_HEADER = "redrive-dead-letter-reason";
    public static final String SOURCE_HEADER = "redrive-source";
    public static final String TIME_HEADER = "redrive-time";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> kafka;

    /** @param kafka the application's Kafka client settings (bootstrap servers, security) */
    public DeadLetterRedrive(Map<String, Object> kafka) {
        this.kafka = Map.copyOf(kafka);
    }

    /** What a redrive did, or what waits. */
    public record Result(String channel, String deadLetterTopic, String retryTopic, long moved, long waiting) {
    }

    /** The consumer group that records how far the channel's dead letters were redriven. */
    public static String redriveGroup(DeadLetterChannel channel) {
        return KafkaAccess.redriveGroup(channel.group());
    }

    /** Dead letters of the channel not redriven yet. */
    public long waiting(DeadLetterChannel channel) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(channel)) {
            List<TopicPartition> partitions = partitions(consumer, channel.deadLetterTopic());
            if (partitions.isEmpty()) {
                return 0;
            }
            return remaining(consumer, partitions, consumer.endOffsets(partitions, TIMEOUT));
        }
    }

    /**
     * Moves up to {@code limit} of the channel's dead letters, oldest first per partition, to its retry topic.
     *
     * @throws IllegalStateException when the channel reads no retry topic (the records would reach nobody)
     */
    public Result redrive(DeadLetterChannel channel, long limit) {
        String retryTopic = channel.retryTopic().orElseThrow(() -> new IllegalStateException("Channel "
                + channel.channel() + " reads no retry topic (" + channel.deadLetterTopic().replaceAll("\\.dlq$", "")
                + ".retry): set mp.messaging.incoming." + channel.channel() + ".topics to include it first"));
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(channel);
                KafkaProducer<byte[], byte[]> producer = producer(channel)) {
            List<TopicPartition> partitions = partitions(consumer, channel.deadLetterTopic());
            if (partitions.isEmpty()) {
                return new Result(channel.channel(), channel.deadLetterTopic(), retryTopic, 0, 0);
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            remaining(consumer, partitions, end); // positions the consumer at the committed offsets
            producer.initTransactions();
            producer.beginTransaction();
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            long moved = 0;
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            Set<TopicPartition> open = new HashSet<>(partitions);
            open.removeIf(p -> consumer.position(p, TIMEOUT) >= end.get(p));
            consumer.pause(partitions.stream().filter(p -> !open.contains(p)).toList());
            while (!open.isEmpty() && moved < limit) {
                if (System.nanoTime() > deadline) {
                    producer.abortTransaction();
                    throw new IllegalStateException("Could not read " + channel.deadLetterTopic() + " to its end within "
                            + TIMEOUT + "; nothing was moved");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (moved >= limit || record.offset() >= end.get(partition)) {
                        continue;
                    }
                    producer.send(new ProducerRecord<>(retryTopic, null, record.key(), record.value(),
                            headers(record)));
                    done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                    moved++;
                }
                for (TopicPartition partition : List.copyOf(open)) {
                    if (consumer.position(partition, TIMEOUT) >= end.get(partition)) {
                        open.remove(partition);
                        consumer.pause(List.of(partition));
                    }
                }
            }
            producer.sendOffsetsToTransaction(done, consumer.groupMetadata());
            producer.commitTransaction();
            long waiting = remaining(consumer, partitions, consumer.endOffsets(partitions, TIMEOUT));
            return new Result(channel.channel(), channel.deadLetterTopic(), retryTopic, moved, waiting);
        } catch (KafkaException e) {
            throw new IllegalStateException("Redrive of " + channel.deadLetterTopic() + " failed; nothing was moved: "
                    + e.getMessage(), e);
        }
    }

    /** Seeks every partition to its committed redrive offset (else the beginning); returns the records after it. */
    private static long remaining(KafkaConsumer<byte[], byte[]> consumer, List<TopicPartition> partitions,
            Map<TopicPartition, Long> end) {
        consumer.assign(partitions);
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new HashSet<>(partitions), TIMEOUT);
        long remaining = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = committed.get(partition);
            if (offset == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, offset.offset());
            }
            remaining += Math.max(0, end.get(partition) - consumer.position(partition, TIMEOUT));
        }
        return remaining;
    }

    private static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, String topic) {
        return consumer.listTopics(TIMEOUT).getOrDefault(topic, List.of()).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
    }

    private static Headers headers(ConsumerRecord<byte[], byte[]> record) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith("dead-letter-") && !header.key().startsWith("redrive-")) {
                headers.add(header);
            }
        }
        Header reason = record.headers().lastHeader("dead-letter-reason");
        if (reason != null && reason.value() != null) {
            headers.add(REASON_HEADER, reason.value());
        }
        headers.add(SOURCE_HEADER, (record.topic() + "-" + record.partition() + "@" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
        headers.add(TIME_HEADER, Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private KafkaConsumer<byte[], byte[]> consumer(DeadLetterChannel channel) {
        Map<String, Object> config = KafkaClientSettings.inGroup(kafka, redriveGroup(channel),
                redriveGroup(channel) + "-" + UUID.randomUUID());
        return new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private KafkaProducer<byte[], byte[]> producer(DeadLetterChannel channel) {
        // Stable per channel: a second redrive of the same channel, from any replica, fences the first.
        Map<String, Object> config = KafkaClientSettings.transactional(kafka,
                KafkaAccess.redriveTransactionalId(channel.group(), channel.channel()));
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
