package io.mderesponse.hunting.state;

import io.mderesponse.contracts.serde.EventJson;
import io.mderesponse.service.state.TransactionalStateStore;
import java.time.Instant;
import java.util.ArrayList;
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
        super(topic, "hunting-scheduler");
    }

    @Override
    protected HuntingState newState() {
        return new HuntingState();
    }

    @Override
    protected void apply(HuntingState state, String key, String json) {
        state.apply(decode(key, json));
    }

    public List<ProducerRecord<String, String>> records(HuntingState.Update update) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        update.seen().forEach((rowKey, at) -> records.add(put(ROW_PREFIX + rowKey, new SeenRow(at))));
        update.forgotten().forEach(rowKey -> records.add(remove(ROW_PREFIX + rowKey)));
        update.runs().forEach((queryId, at) -> records.add(put(RUN_PREFIX + queryId, new LastRun(at))));
        return records;
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

    record SeenRow(Instant seenAt) {
    }

    record LastRun(Instant lastSuccess) {
    }
}
