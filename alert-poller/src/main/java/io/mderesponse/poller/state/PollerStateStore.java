package io.mderesponse.poller.state;

import io.mderesponse.contracts.serde.EventJson;
import io.mderesponse.service.state.CompactedTopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The poller's state on its compacted topic: one record per alert handled ({@code alert:<id>}) and one for
 * the watermark ({@code watermark}). Compaction keeps the latest of each, so reading the topic from the start
 * rebuilds the state after a restart; a forgotten id is a tombstone (null value), which compaction removes.
 */
public final class PollerStateStore {

    static final String WATERMARK_KEY = "watermark";
    static final String ALERT_KEY_PREFIX = "alert:";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    private final String topic;

    public PollerStateStore(String topic) {
        this.topic = topic;
    }

    /** Reads the whole topic (committed records only) into a fresh state. */
    public PollerState load(Map<String, Object> kafkaConfig) {
        PollerState state = new PollerState();
        CompactedTopicReader.readAll(kafkaConfig, topic, READ_TIMEOUT, "the poller state",
                record -> state.apply(decode(record.key(), record.value())));
        return state;
    }

    /** The records that write {@code update} to the state topic. */
    public List<ProducerRecord<String, String>> records(PollerState.StateUpdate update) {
        List<ProducerRecord<String, String>> records = new java.util.ArrayList<>();
        update.seen().forEach((alertId, seen) -> records.add(
                new ProducerRecord<>(topic, ALERT_KEY_PREFIX + alertId, EventJson.toJson(seen))));
        update.forgotten().forEach(alertId -> records.add(
                new ProducerRecord<>(topic, ALERT_KEY_PREFIX + alertId, null)));
        update.watermark().ifPresent(mark -> records.add(
                new ProducerRecord<>(topic, WATERMARK_KEY, EventJson.toJson(new Watermark(mark)))));
        return records;
    }

    static PollerState.StateUpdate decode(String key, String value) {
        if (key == null) {
            return PollerState.StateUpdate.empty();
        }
        if (value == null) {
            return key.startsWith(ALERT_KEY_PREFIX)
                    ? new PollerState.StateUpdate(Optional.empty(), Map.of(),
                            java.util.Set.of(key.substring(ALERT_KEY_PREFIX.length())))
                    : PollerState.StateUpdate.empty();
        }
        if (WATERMARK_KEY.equals(key)) {
            return new PollerState.StateUpdate(Optional.of(EventJson.fromJson(value, Watermark.class).watermark()),
                    Map.of());
        }
        if (key.startsWith(ALERT_KEY_PREFIX)) {
            return new PollerState.StateUpdate(Optional.empty(),
                    Map.of(key.substring(ALERT_KEY_PREFIX.length()), EventJson.fromJson(value, SeenAlert.class)));
        }
        return PollerState.StateUpdate.empty();
    }

    /** The watermark record's value. */
    record Watermark(Instant watermark) {
    }
}
