package io.mderesponse.poller.state;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The poller's memory, rebuilt from its compacted topic at start: the watermark (the newest
 * {@code lastUpdateTime} seen) and every alert id published. Changed only after Kafka committed a poll's
 * transaction, so a failed poll never advances anything.
 */
public final class PollerState {

    private Instant watermark;
    private final Map<String, SeenAlert> seen = new HashMap<>();

    public Optional<Instant> watermark() {
        return Optional.ofNullable(watermark);
    }

    public Optional<SeenAlert> seen(String alertId) {
        return Optional.ofNullable(seen.get(alertId));
    }

    public int seenCount() {
        return seen.size();
    }

    /** Applies a committed update (or one read back from the state topic). */
    public void apply(StateUpdate update) {
        update.watermark().ifPresent(mark -> watermark = mark);
        seen.putAll(update.seen());
    }

    /** Changes to the state, written to the state topic in the same transaction as the events. */
    public record StateUpdate(Optional<Instant> watermark, Map<String, SeenAlert> seen) {

        public StateUpdate {
            seen = Map.copyOf(seen);
        }

        public static StateUpdate empty() {
            return new StateUpdate(Optional.empty(), new HashMap<>());
        }
    }
}
