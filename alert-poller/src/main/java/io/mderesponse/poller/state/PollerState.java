package io.mderesponse.poller.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The poller's memory, rebuilt from its compacted topic at start: the watermark and every alert id handled
 * within the retention. Changed only after Kafka committed a transaction, so a failed poll never advances
 * anything.
 */
public final class PollerState {

    private Instant watermark;
    private final Map<String, SeenAlert> seen = new HashMap<>();

    public Optional<Instant> watermark() {
        return Optional.ofNullable(watermark);
    }

    public Optional<SeenAlert> seen(String alertId) {
        return alertId == null ? Optional.empty() : Optional.ofNullable(seen.get(alertId));
    }

    public int seenCount() {
        return seen.size();
    }

    /** Ids whose newest handled version is older than {@code horizon}, at most {@code limit} of them. */
    public List<String> olderThan(Instant horizon, int limit) {
        List<String> old = new ArrayList<>();
        for (Map.Entry<String, SeenAlert> entry : seen.entrySet()) {
            if (old.size() >= limit) {
                break;
            }
            Instant updated = entry.getValue().lastUpdateTime();
            if (updated == null || updated.isBefore(horizon)) {
                old.add(entry.getKey());
            }
        }
        return old;
    }

    /** Applies a committed update (or one read back from the state topic). */
    public void apply(StateUpdate update) {
        update.watermark().ifPresent(mark -> {
            if (watermark == null || mark.isAfter(watermark)) {
                watermark = mark;
            }
        });
        seen.putAll(update.seen());
        update.forgotten().forEach(seen::remove);
    }

    /** Changes to the state, written to the state topic in the same transaction as the events. */
    public record StateUpdate(Optional<Instant> watermark, Map<String, SeenAlert> seen, Set<String> forgotten) {

        public StateUpdate {
            seen = Map.copyOf(seen);
            forgotten = Set.copyOf(forgotten);
        }

        public StateUpdate(Optional<Instant> watermark, Map<String, SeenAlert> seen) {
            this(watermark, seen, Set.of());
        }

        public static StateUpdate empty() {
            return new StateUpdate(Optional.empty(), new HashMap<>(), Set.of());
        }

        public boolean isEmpty() {
            return watermark.isEmpty() && seen.isEmpty() && forgotten.isEmpty();
        }
    }
}
