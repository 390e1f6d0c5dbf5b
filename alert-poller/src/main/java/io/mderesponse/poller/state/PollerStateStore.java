package io.mderesponse.poller.state;

import io.mderesponse.contracts.serde.EventJson;
import io.mderesponse.service.state.TransactionalStateStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The poller's state on its compacted topic: one record per alert handled ({@code alert:<id>}) and one for
 * the watermark ({@code watermark}). Compaction keeps the latest of each, so reading the topic from the start
 * rebuilds the state after a restart; a forgotten id is a tombstone (null value), which compaction removes.
 */
public final class PollerStateStore extends TransactionalStateStore<PollerState> {

    static final String WATERMARK_KEY = "watermark";
    static final String ALERT_KEY_PREFIX = "alert:";

    public PollerStateStore(String topic) {
        super(topic, "alert-poller", PollerState::new, (state, key, json) -> state.apply(decode(key, json)));
    }

    /** The records that write {@code update} to the state topic. */
    public List<ProducerRecord<String, String>> records(PollerState.StateUpdate update) {
        Map<String, Object> values = new LinkedHashMap<>();
        update.seen().forEach((alertId, seen) -> values.put(ALERT_KEY_PREFIX + alertId, seen));
        update.watermark().ifPresent(mark -> values.put(WATERMARK_KEY, new Watermark(mark)));
        return records(values, update.forgotten().stream().map(alertId -> ALERT_KEY_PREFIX + alertId).toList());
    }

    static PollerState.StateUpdate decode(String key, String value) {
        if (value == null) {
            return key.startsWith(ALERT_KEY_PREFIX)
                    ? new PollerState.StateUpdate(Optional.empty(), Map.of(),
                            Set.of(key.substring(ALERT_KEY_PREFIX.length())))
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
