package io.mderesponse.response.state;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The service's memory, a table over its two compacted topics: intents by request id and progress by request
 * id. Each entry remembers the offset it was written at, and an entry is replaced only by a record from a later
 * offset, so reading the topics (at start, or to catch up with another instance's writes) and this instance's own
 * acknowledged writes can arrive in any order and the table still ends at the topics' latest values. A removed
 * entry is remembered (as a tombstone with its offset) only until the topic has been read past that offset: no
 * older record of its key can arrive after that.
 */
public final class ResponseState {

    private final Map<UUID, Versioned<RequestIntent>> intents = new ConcurrentHashMap<>();
    private final Map<UUID, Versioned<RequestProgress>> progress = new ConcurrentHashMap<>();
    private final Queue<Removed> intentTombstones = new ConcurrentLinkedQueue<>();
    private final Queue<Removed> progressTombstones = new ConcurrentLinkedQueue<>();

    public Optional<RequestIntent> intent(UUID requestId) {
        return value(intents.get(requestId));
    }

    public Optional<RequestProgress> progress(UUID requestId) {
        return value(progress.get(requestId));
    }

    /** Requests whose action is still followed. */
    public List<RequestProgress> tracking() {
        return progress.values().stream().map(Versioned::value)
                .filter(p -> p != null && !p.isCompleted()).toList();
    }

    /** Intents that have neither an action nor a result yet: their records are still to be committed. */
    public List<RequestIntent> unsettledIntents() {
        return intents.values().stream().map(Versioned::value)
                .filter(i -> i != null && progress(i.requestId()).isEmpty()).toList();
    }

    /** Applies an intent record (null: a tombstone) read or written at {@code offset}. */
    public void applyIntent(UUID requestId, RequestIntent intent, long offset) {
        apply(intents, intentTombstones, requestId, intent, offset);
    }

    /** Applies a progress record (null: a tombstone) read or written at {@code offset}. */
    public void applyProgress(UUID requestId, RequestProgress value, long offset) {
        apply(progress, progressTombstones, requestId, value, offset);
    }

    /**
     * Drops the tombstones of removed entries below the topics' read positions: every older record of their keys
     * has been read by then.
     */
    public void forgetTombstonesBefore(long intentsPosition, long progressPosition) {
        forget(intents, intentTombstones, intentsPosition);
        forget(progress, progressTombstones, progressPosition);
    }

    /** Entries in memory, removed ones not yet forgotten included, for tests. */
    public int size() {
        return intents.size() + progress.size();
    }

    /** Counts of entries, for logs. */
    public String summary() {
        long completed = progress.values().stream().filter(v -> v.value() != null && v.value().isCompleted())
                .count();
        return tracking().size() + " actions tracked, " + completed + " requests completed, "
                + unsettledIntents().size() + " intents without an action";
    }

    private static <T> void apply(Map<UUID, Versioned<T>> table, Queue<Removed> tombstones, UUID key, T value,
            long offset) {
        // Tombstones stay as null values with their offset, so an older record read later cannot revive the key.
        Versioned<T> now = table.merge(key, new Versioned<>(value, offset),
                (current, update) -> update.offset() > current.offset() ? update : current);
        if (value == null && now.offset() == offset) {
            tombstones.add(new Removed(key, offset));
        }
    }

    private static <T> void forget(Map<UUID, Versioned<T>> table, Queue<Removed> tombstones, long position) {
        for (Removed next = tombstones.peek(); next != null && next.offset() < position; next = tombstones.peek()) {
            Removed removed = tombstones.poll();
            table.computeIfPresent(removed.requestId(),
                    (key, current) -> current.value() == null && current.offset() == removed.offset() ? null : current);
        }
    }

    private static <T> Optional<T> value(Versioned<T> entry) {
        return entry == null ? Optional.empty() : Optional.ofNullable(entry.value());
    }

    private record Versioned<T>(T value, long offset) {
    }

    private record Removed(UUID requestId, long offset) {
    }
}
