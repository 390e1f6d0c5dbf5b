package io.mderesponse.hunting.state;

import io.mderesponse.contracts.serde.EventJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The state on the compacted topic {@code defender.internal.hunting.seen-rows}: {@code row:<row key>} →
 * {@code {"seenAt":...}} per published row (a tombstone once forgotten) and {@code run:<query id>} →
 * {@code {"lastSuccess":...}} per query. Reading it whole (committed records only) rebuilds the state.
 */
public final class HuntingStateStore {

    static final String ROW_PREFIX = "row:";
    static final String RUN_PREFIX = "run:";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final String topic;

    public HuntingStateStore(String topic) {
        this.topic = topic;
    }

    public HuntingState load(Map<String, Object> kafkaConfig) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        HuntingState state = new HuntingState();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, READ_TIMEOUT).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read the hunting state from " + topic + " within "
                            + READ_TIMEOUT);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    state.apply(decode(record.key(), record.value()));
                }
            }
        }
        return state;
    }

    public List<ProducerRecord<String, String>> records(HuntingState.Update update) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        update.seen().forEach((rowKey, at) -> records.add(
                new ProducerRecord<>(topic, ROW_PREFIX + rowKey, EventJson.toJson(new SeenRow(at)))));
        update.forgotten().forEach(rowKey -> records.add(new ProducerRecord<>(topic, ROW_PREFIX + rowKey, null)));
        update.runs().forEach((queryId, at) -> records.add(
                new ProducerRecord<>(topic, RUN_PREFIX + queryId, EventJson.toJson(new LastRun(at)))));
        return records;
    }

    static HuntingState.Update decode(String key, String value) {
        if (key == null) {
            return HuntingState.Update.empty();
        }
        if (key.startsWith(ROW_PREFIX)) {
            String rowKey = key.substring(ROW_PREFIX.length());
            return value == null ? new HuntingState.Update(Map.of(), Set.of(rowKey), Map.of())
                    : new HuntingState.Update(Map.of(rowKey, EventJson.fromJson(value, SeenRow.class).seenAt()),
                            Set.of(), Map.of());
        }
        if (key.startsWith(RUN_PREFIX) && value != null) {
            return new HuntingState.Update(Map.of(), Set.of(),
                    Map.of(key.substring(RUN_PREFIX.length()), EventJson.fromJson(value, LastRun.class).lastSuccess()));
        }
        return HuntingState.Update.empty();
    }

    record SeenRow(Instant seenAt) {
    }

    record LastRun(Instant lastSuccess) {
    }
}
