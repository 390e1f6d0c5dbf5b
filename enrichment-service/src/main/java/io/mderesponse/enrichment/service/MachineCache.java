package io.mderesponse.enrichment.service;

import io.mderesponse.contracts.defender.DefenderMachine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Machines read from Defender, reused for {@code enrichment.machine-cache-ttl}: a storm of alerts on a few
 * machines costs one machine call each, not one per alert. A machine Defender does not know is remembered as
 * such too. Least recently used entries go first once the cache is full.
 */
public final class MachineCache {

    /** A machine, or the knowledge that Defender does not know it. */
    public record Entry(DefenderMachine machine) {

        public static final Entry UNKNOWN = new Entry(null);

        public Optional<DefenderMachine> asOptional() {
            return Optional.ofNullable(machine);
        }
    }

    private record Stored(Entry entry, Instant expires) {
    }

    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Stored> entries;

    public MachineCache(Duration ttl, int maxSize, Clock clock) {
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("enrichment.machine-cache-ttl must not be negative, got " + ttl);
        }
        if (maxSize < 1) {
            throw new IllegalArgumentException("enrichment.machine-cache-size must be at least 1, got " + maxSize);
        }
        this.ttl = ttl;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Stored> eldest) {
                return size() > maxSize;
            }
        };
    }

    /** The cached entry of a machine, if fresh. */
    public synchronized Optional<Entry> get(String machineId) {
        Stored stored = entries.get(machineId);
        if (stored == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(stored.expires())) {
            entries.remove(machineId);
            return Optional.empty();
        }
        return Optional.of(stored.entry());
    }

    public boolean contains(String machineId) {
        return get(machineId).isPresent();
    }

    public synchronized void put(String machineId, Entry entry) {
        if (ttl.isZero()) {
            return;
        }
        entries.put(machineId, new Stored(entry, clock.instant().plus(ttl)));
    }
}
