package io.mderesponse.hunting.state;

import io.mderesponse.contracts.serde.EventJson;
import io.mderesponse.service.state.TransactionalStateStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The state on the compacted topic {@code defender.internal.hunting.seen-rows}: {@code row:<row key>} →
 * {@code {"seenAt":...}} per published row (a tombstone once forgotten) and {@code run:<query id>} →
 * {@code {"lastSuccess":...}} per query. Reading it whole (committed records only) rebuilds the state.
 */
public final class HuntingStateStore extends TransactionalStateStore<HuntingState> {

    static final String ROW_PREFIX = "row:";
    static final String RUN_PREFIX = "run:";

    public HuntingStateStore(String topic) {
        super(topic, "hunting-scheduler", HuntingState::new, (state, key, json) -> state.apply(decode(key, json)));
    }

    static HuntingState.Update decode(String key, String value) {
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

    /** The records that write {@code update} to the state topic. */
    public List<ProducerRecord<String, String>> records(HuntingState.Update update) {
        Map<String, Object> values = new LinkedHashMap<>();
        update.runs().forEach((queryId, at) -> values.put(RUN_PREFIX + queryId, new LastRun(at)));
        update.seen().forEach((rowKey, at) -> values.put(ROW_PREFIX + rowKey, new SeenRow(at)));
        return records(values, update.forgotten().stream().map(rowKey -> ROW_PREFIX + rowKey).toList());
    }

    record SeenRow(Instant seenAt) {
    }

    record LastRun(Instant lastSuccess) {
    }
}
