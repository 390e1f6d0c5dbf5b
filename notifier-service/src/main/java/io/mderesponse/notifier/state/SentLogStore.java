package io.mderesponse.notifier.state;

import java.util.function.BiConsumer;

/** Where the sent-log lives: a compacted Kafka topic in production, memory in unit tests. */
public interface SentLogStore {

    /** Writes one entry and returns only once it is durable (the broker acknowledged it). */
    void write(String key, SentEntry entry);

    /** Passes every entry written since the last call (by this or another instance), in log order. */
    void catchUp(BiConsumer<String, SentEntry> apply);

    /**
     * Removes the entries past their retention, passing each removed key with a null entry; answers how many. A
     * store without retention removes none.
     */
    default int expireDue(BiConsumer<String, SentEntry> apply) {
        return 0;
    }
}
