package io.mderesponse.service.state;

import io.mderesponse.contracts.serde.EventJson;
import io.mderesponse.service.kafka.KafkaClientSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.IntSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * A service's state on one keyed, compacted topic: JSON values, the last record of a key is its value, a tombstone
 * removes it. The owner keeps the state in memory (a {@link Table}); this class writes it durably, reads back what
 * others wrote, and removes what no longer matters.
 *
 * <ul>
 *   <li><b>Writes</b> return once the broker acknowledged them on all in-sync replicas ({@code acks=all},
 *       idempotent), so the owner never acts on state Kafka might lose.</li>
 *   <li><b>Reads</b>: {@link #catchUp} hands the table every record from where the last read stopped (at first:
 *       the beginning) to the topic's end as of the call, committed records only. With
 *       {@link OwnWrites#APPLIED_BY_WRITER} the owner applies its own writes when they are acknowledged and
 *       catch-up steps over them without fetching them; with {@link OwnWrites#READ_BACK} they come back in log
 *       order like everyone else's, for owners whose verdicts depend on a record's place in the log.</li>
 *   <li><b>Retention</b>: the owner says when each value stops mattering ({@link Builder#expiresAt}); an expired
 *       entry is tombstoned by {@link #expireDue}, run every {@link Builder#sweepEvery} and on demand, and removed
 *       from the table, so memory, start time and the topic's live keys stay bounded by the horizon.</li>
 * </ul>
 *
 * <p>The consumer is used under one lock (reads are serialised); writes may come from any thread.
 */
public final class StateTopic<V> implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(StateTopic.class);
    private static final Duration POLL = Duration.ofMillis(200);

    /** The owner's in-memory state: told each entry in log order; {@code value} is null for a removed key. */
    @FunctionalInterface
    public interface Table<V> {
        void apply(String key, V value, long offset);
    }

    /** How the owner learns of its own writes. */
    public enum OwnWrites {
        /** The owner applies a value when {@link #write} returns; catch-up never hands it back. */
        APPLIED_BY_WRITER,
        /** Catch-up hands own writes back in log order, interleaved with others'. */
        READ_BACK
    }

    /** What a record whose value cannot be read does. */
    public enum Unreadable {
        /** Stops the read with an error naming the record: skipping it could repeat what it recorded as done. */
        FAIL,
        /** Skips it with an error in the log: for state whose loss only weakens a guard, never repeats an action. */
        SKIP
    }

    /** When an expiring entry stops mattering, and the offset that said so. */
    private record Expiry(Instant at, long offset) {
    }

    private final String topic;
    private final Function<String, V> decode;
    private final Function<V, String> encode;
    private final OwnWrites ownWrites;
    private final Unreadable unreadable;
    private final Function<V, Optional<Instant>> expiresAt;
    private final Clock clock;
    private final Duration writeTimeout;
    private final Duration readTimeout;
    private final Map<String, Object> kafka;
    private final String clientId;
    /** Opened at the first write: an owner that writes its state in its own transactions only reads here. */
    private volatile KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> reader;
    private final List<TopicPartition> partitions;
    private final Object readLock = new Object();
    /** Offsets of acknowledged own writes that catch-up has not passed yet ({@link OwnWrites#APPLIED_BY_WRITER}). */
    private final Map<Integer, ConcurrentSkipListSet<Long>> ownOffsets = new ConcurrentHashMap<>();
    private final Map<String, Expiry> expiries = new ConcurrentHashMap<>();
    private final AtomicLong fetched = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private volatile ScheduledExecutorService sweeper;
    private volatile long readPosition;

    private StateTopic(Builder<V> builder) {
        this.topic = builder.topic;
        this.decode = builder.decode;
        this.encode = builder.encode;
        this.kafka = builder.kafka;
        this.ownWrites = builder.ownWrites;
        this.unreadable = builder.unreadable;
        this.expiresAt = builder.expiresAt;
        this.clock = builder.clock;
        this.writeTimeout = builder.writeTimeout;
        this.readTimeout = builder.readTimeout;
        this.clientId = builder.clientId + "-" + topic;
        this.reader = new KafkaConsumer<>(KafkaClientSettings.groupless(builder.kafka,
                clientId + "-reader-" + UUID.randomUUID()), new StringDeserializer(), new StringDeserializer());
        try {
            this.partitions = reader.partitionsFor(topic, readTimeout).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            if (partitions.isEmpty()) {
                throw new IllegalStateException("The state topic " + topic + " does not exist");
            }
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
        } catch (RuntimeException e) {
            reader.close(Duration.ZERO);
            throw e;
        }
    }

    public static <V> Builder<V> builder(Map<String, Object> kafka, String topic, Class<V> type) {
        return new Builder<>(kafka, topic, type);
    }

    public String topic() {
        return topic;
    }

    /**
     * Writes {@code value} (null: a tombstone) under {@code key} and returns its offset once the broker has it.
     * Throws {@link KafkaException} when it was not acknowledged in time: the write may or may not have landed.
     */
    public long write(String key, V value) {
        RecordMetadata written = await(send(key, value), key);
        if (ownWrites == OwnWrites.APPLIED_BY_WRITER) {
            ownOffsets.computeIfAbsent(written.partition(), p -> new ConcurrentSkipListSet<>()).add(written.offset());
        }
        track(key, value, written.offset());
        return written.offset();
    }

    /**
     * Hands {@code table} every record written since the last read, up to the topic's end as of this call (for
     * {@link OwnWrites#APPLIED_BY_WRITER}, others' records only). Throws when the end is not reached within the
     * read timeout, or on an unreadable record with {@link Unreadable#FAIL}.
     */
    public void catchUp(Table<V> table) {
        synchronized (readLock) {
            Map<TopicPartition, Long> end = reader.endOffsets(partitions, readTimeout);
            long deadline = System.nanoTime() + readTimeout.toNanos();
            while (!reached(end)) {
                if (System.nanoTime() - deadline > 0) {
                    throw new KafkaException("Could not read " + topic + " to its end within " + readTimeout);
                }
                for (ConsumerRecord<String, String> record : reader.poll(POLL)) {
                    if (ownOffsets(record.partition()).remove(record.offset())) {
                        skipped.incrementAndGet();
                        continue;
                    }
                    fetched.incrementAndGet();
                    apply(table, record);
                }
            }
            if (partitions.size() == 1) {
                readPosition = end.get(partitions.get(0));
            }
        }
    }

    /**
     * Of a one-partition topic: the offset up to which the last catch-up read (every record below it has been
     * handed on or was this instance's own).
     */
    public long readPosition() {
        if (partitions.size() != 1) {
            throw new IllegalStateException(topic + " has " + partitions.size() + " partitions, not one");
        }
        return readPosition;
    }

    /**
     * Tombstones every entry whose time has passed (after catching up, so an entry rewritten elsewhere is judged
     * by its newest value) and removes it from {@code table}; answers how many it removed.
     */
    public int expireDue(Table<V> table) {
        synchronized (readLock) {
            catchUp(table);
            Instant now = clock.instant();
            List<String> due = new ArrayList<>();
            expiries.forEach((key, expiry) -> {
                if (!expiry.at().isAfter(now)) {
                    due.add(key);
                }
            });
            if (due.isEmpty()) {
                return 0;
            }
            Map<String, Future<RecordMetadata>> sent = new HashMap<>();
            for (String key : due) {
                sent.put(key, send(key, null));
            }
            for (Map.Entry<String, Future<RecordMetadata>> tombstone : sent.entrySet()) {
                RecordMetadata written = await(tombstone.getValue(), tombstone.getKey());
                if (ownWrites == OwnWrites.APPLIED_BY_WRITER) {
                    ownOffsets(written.partition()).add(written.offset());
                    track(tombstone.getKey(), null, written.offset());
                    table.apply(tombstone.getKey(), null, written.offset());
                }
            }
            if (ownWrites == OwnWrites.READ_BACK) {
                catchUp(table);
            }
            LOG.debugf("Removed %d expired entries from %s", due.size(), topic);
            return due.size();
        }
    }

    /**
     * Runs {@code expire} now and then every {@code interval} on a thread of its own until {@link #close}; a failed
     * run is logged and tried again at the next. {@code expire} is the owner's way of calling {@link #expireDue},
     * under the same locks as its own catch-ups (a table applied under the owner's lock must be expired under it
     * too, taken before this topic's).
     */
    public void sweepEvery(Duration interval, IntSupplier expire) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "expire-" + topic);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(() -> {
            try {
                int removed = expire.getAsInt();
                if (removed > 0) {
                    LOG.infof("Removed %d entries past their retention from %s", removed, topic);
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "Could not remove expired entries from %s; trying again in %s: %s", topic, interval,
                        e.getMessage());
            }
        }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        sweeper = executor;
    }

    /** Entries that will expire, as far as this instance has read. */
    public int expiringEntries() {
        return expiries.size();
    }

    /** Records fetched and handed on since start (others' writes, and everything at start), for logs and tests. */
    public long fetchedRecords() {
        return fetched.get();
    }

    /** Own records stepped over without fetching or handing them on, since start, for logs and tests. */
    public long skippedOwnRecords() {
        return skipped.get();
    }

    @Override
    public void close() {
        ScheduledExecutorService current = sweeper;
        if (current != null) {
            current.shutdownNow();
        }
        KafkaProducer<String, String> opened = producer;
        if (opened != null) {
            opened.close(Duration.ofSeconds(5));
        }
        synchronized (readLock) {
            reader.close(Duration.ofSeconds(5));
        }
    }

    private Future<RecordMetadata> send(String key, V value) {
        Objects.requireNonNull(key, "key");
        return producer().send(new ProducerRecord<>(topic, key, value == null ? null : encode.apply(value)));
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> opened = producer;
        if (opened == null) {
            synchronized (this) {
                opened = producer;
                if (opened == null) {
                    opened = new KafkaProducer<>(KafkaClientSettings.durable(kafka, clientId + "-writer"),
                            new StringSerializer(), new StringSerializer());
                    producer = opened;
                }
            }
        }
        return opened;
    }

    private RecordMetadata await(Future<RecordMetadata> write, String key) {
        try {
            return write.get(writeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaException("Interrupted while writing " + key + " to " + topic, e);
        } catch (ExecutionException e) {
            throw new KafkaException("Could not write " + key + " to " + topic + ": " + e.getCause().getMessage(),
                    e.getCause());
        } catch (TimeoutException e) {
            throw new KafkaException("Kafka did not acknowledge " + key + " on " + topic + " within " + writeTimeout,
                    e);
        }
    }

    private void apply(Table<V> table, ConsumerRecord<String, String> record) {
        V value;
        try {
            value = record.value() == null ? null : decode.apply(record.value());
        } catch (RuntimeException e) {
            String where = record.topic() + "-" + record.partition() + "@" + record.offset() + " (key "
                    + record.key() + ")";
            if (unreadable == Unreadable.FAIL) {
                throw new IllegalStateException("Unreadable state record " + where + ": " + e.getMessage(), e);
            }
            LOG.errorf(e, "Skipping unreadable state record %s: %s", where, e.getMessage());
            return;
        }
        track(record.key(), value, record.offset());
        table.apply(record.key(), value, record.offset());
    }

    /** Keeps the expiry of the key's newest value (by offset: an older record read late does not override it). */
    private void track(String key, V value, long offset) {
        Optional<Instant> at = value == null ? Optional.empty() : expiresAt.apply(value);
        expiries.compute(key, (k, known) -> {
            if (known != null && known.offset() > offset) {
                return known;
            }
            return at.map(instant -> new Expiry(instant, offset)).orElse(null);
        });
    }

    private ConcurrentSkipListSet<Long> ownOffsets(int partition) {
        return ownOffsets.computeIfAbsent(partition, p -> new ConcurrentSkipListSet<>());
    }

    /**
     * Whether every partition is read up to {@code end}; moves past runs of own offsets at the reader's position
     * without fetching them (the common case with one replica) and forgets own offsets it has passed.
     */
    private boolean reached(Map<TopicPartition, Long> end) {
        boolean reached = true;
        for (Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
            TopicPartition tp = partition.getKey();
            ConcurrentSkipListSet<Long> own = ownOffsets(tp.partition());
            long position = reader.position(tp, readTimeout);
            long next = position;
            while (next < partition.getValue() && own.remove(next)) {
                next++;
            }
            if (next != position) {
                reader.seek(tp, next);
                skipped.addAndGet(next - position);
            }
            own.headSet(next).clear();
            if (next < partition.getValue()) {
                reached = false;
            }
        }
        return reached;
    }

    /** How a state topic is opened. */
    public static final class Builder<V> {

        private final Map<String, Object> kafka;
        private final String topic;
        private Function<String, V> decode;
        private Function<V, String> encode = EventJson::toJson;
        private String clientId = "state";
        private OwnWrites ownWrites = OwnWrites.APPLIED_BY_WRITER;
        private Unreadable unreadable = Unreadable.FAIL;
        private Function<V, Optional<Instant>> expiresAt = value -> Optional.empty();
        private Clock clock = Clock.systemUTC();
        private Duration writeTimeout = Duration.ofSeconds(30);
        private Duration readTimeout = Duration.ofSeconds(60);

        private Builder(Map<String, Object> kafka, String topic, Class<V> type) {
            this.kafka = Map.copyOf(kafka);
            this.topic = Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(type, "type");
            this.decode = json -> EventJson.fromJson(json, type);
        }

        /** The prefix of the clients' ids, e.g. the service name. */
        public Builder<V> clientId(String prefix) {
            this.clientId = prefix;
            return this;
        }

        public Builder<V> ownWrites(OwnWrites ownWrites) {
            this.ownWrites = ownWrites;
            return this;
        }

        /** How values are read and written; JSON of the builder's type unless set. */
        public Builder<V> codec(Function<String, V> decode, Function<V, String> encode) {
            this.decode = Objects.requireNonNull(decode, "decode");
            this.encode = Objects.requireNonNull(encode, "encode");
            return this;
        }

        public Builder<V> unreadable(Unreadable unreadable) {
            this.unreadable = unreadable;
            return this;
        }

        /** When a value stops mattering; empty for a value that stays until it is overwritten or removed. */
        public Builder<V> expiresAt(Function<V, Optional<Instant>> expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        /** The clock {@link #expireDue} compares expiry times with. */
        public Builder<V> clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder<V> writeTimeout(Duration writeTimeout) {
            this.writeTimeout = writeTimeout;
            return this;
        }

        public Builder<V> readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        /** Connects and assigns the topic's partitions; reads nothing until the first {@link #catchUp}. */
        public StateTopic<V> open() {
            return new StateTopic<>(this);
        }
    }
}
