package io.mderesponse.notifier.state;

/** Where the sent-log lives: a compacted Kafka topic in production, memory in unit tests. */
public interface SentLogStore {

    /** Told each entry in log order, with its offset; {@code entry} is null for a removed key. */
    @FunctionalInterface
    interface Entries {
        void apply(String key, SentEntry entry, long offset);
    }

    /**
     * Writes one entry and returns its offset in the log only once it is durable (the broker acknowledged it).
     * Offsets order the entries as every instance reads them (the log has one partition).
     */
    long write(String key, SentEntry entry);

    /** Passes every entry written since the last call (by another instance; for memory stores, by any), in log order. */
    void catchUp(Entries apply);

    /**
     * Removes the entries past their retention, passing each removed key with a null entry; answers how many. A
     * store without retention removes none.
     */
    default int expireDue(Entries apply) {
        return 0;
    }
}
