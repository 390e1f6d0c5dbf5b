package io.mderesponse.notifier.state;

import io.mderesponse.service.state.StateTopic;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * The sent-log on its compacted, single-partition topic ({@link StateTopic}): each write waits for the broker's
 * acknowledgement; the ledger applies its own entries when it writes them, so catch-up fetches only what other
 * replicas wrote. A sent entry, a plan's waiting result and a claim are kept for {@code notifier.sent-log-retention}
 * after they were written, then tombstoned; an entry waiting for a digest is kept until it is sent.
 */
public final class KafkaSentLog implements SentLogStore, AutoCloseable {

    private final StateTopic<SentEntry> topic;

    public KafkaSentLog(Map<String, Object> kafkaConfig, String topic, Duration writeTimeout, Duration retention,
            Clock clock) {
        this.topic = StateTopic.builder(kafkaConfig, topic, SentEntry.class)
                .clientId("notifier-service")
                .writeTimeout(writeTimeout)
                .clock(clock)
                .expiresAt(entry -> entry.state() == SentEntry.State.PENDING
                        ? Optional.empty()
                        : Optional.of(entry.at().plus(retention)))
                .open();
    }

    @Override
    public long write(String key, SentEntry entry) {
        return topic.write(key, entry);
    }

    @Override
    public void catchUp(Entries apply) {
        topic.catchUp(apply::apply);
    }

    @Override
    public int expireDue(Entries apply) {
        return topic.expireDue(apply::apply);
    }

    /** Runs {@code expire} (the ledger's {@link NotificationLedger#expireDue}) every {@code interval}. */
    public void sweepEvery(Duration interval, IntSupplier expire) {
        topic.sweepEvery(interval, expire);
    }

    /** Records fetched and passed on (others' writes, and everything at start) since start, for logs and tests. */
    public long fetchedRecords() {
        return topic.fetchedRecords();
    }

    /** Own records stepped over without being passed on, since start, for logs and tests. */
    public long skippedOwnRecords() {
        return topic.skippedOwnRecords();
    }

    @Override
    public void close() {
        topic.close();
    }
}
