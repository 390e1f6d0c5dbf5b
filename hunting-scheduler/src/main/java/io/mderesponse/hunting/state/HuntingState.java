package io.mderesponse.hunting.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The scheduler's memory, rebuilt from its compacted topic when a replica becomes active: every row key published
 * within {@code hunting.seen-retention} (with when), and each query's last successful run. Changed only after Kafka
 * committed the transaction that wrote the change.
 */
public final class HuntingState {

    private final Map<String, Instant> seen = new HashMap<>();
    private final Map<String, Instant> lastSuccess = new HashMap<>();

    public boolean seen(String rowKey) {
        return seen.containsKey(rowKey);
    }

    public int seenCount() {
        return seen.size();
    }

    /** When the query's last successful run started; empty before its first. */
    public Optional<Instant> lastSuccess(String queryId) {
        return Optional.ofNullable(lastSuccess.get(queryId));
    }

    /** Row keys published before {@code horizon}, at most {@code limit} of them. */
    public List<String> seenBefore(Instant horizon, int limit) {
        List<String> old = new ArrayList<>();
        for (Map.Entry<String, Instant> entry : seen.entrySet()) {
            if (old.size() >= limit) {
                break;
            }
            if (entry.getValue().isBefore(horizon)) {
                old.add(entry.getKey());
            }
        }
        return old;
    }

    public void apply(Update update) {
        seen.putAll(update.seen());
        update.forgotten().forEach(seen::remove);
        update.runs().forEach((query, at) -> lastSuccess.merge(query, at, (a, b) -> a.isAfter(b) ? a : b));
    }

    /** A change, written to the state topic in the same transaction as the rows it concerns. */
    public record Update(Map<String, Instant> seen, Set<String> forgotten, Map<String, Instant> runs) {

        public Update {
            seen = Map.copyOf(seen);
            forgotten = Set.copyOf(forgotten);
            runs = Map.copyOf(runs);
        }

        public static Update empty() {
            return new Update(Map.of(), Set.of(), Map.of());
        }
    }
}
