package io.mderesponse.service.state;

import io.mderesponse.contracts.serde.EventJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * State that a single-active owner (the poller, the hunting scheduler) writes in the same Kafka transaction as its
 * events ({@link TransactionalWriter}), and reads whole from its compacted {@link StateTopic} each time it becomes
 * the active replica: keyed records with JSON values, a tombstone for a key it forgot. The owner says how a record
 * changes its state, and which records an update writes; it forgets old keys by its own horizon.
 *
 * @param <S> the owner's in-memory state
 */
public abstract class TransactionalStateStore<S> {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);

    /** How one record changes the state: {@code json} is null for a tombstone. */
    @FunctionalInterface
    protected interface RecordApplier<S> {
        void apply(S state, String key, String json);
    }

    private final String topic;
    private final String owner;
    private final Supplier<S> newState;
    private final RecordApplier<S> applier;

    /**
     * @param owner the service, for the reading client's id
     * @param newState an empty state, before the topic is read
     */
    protected TransactionalStateStore(String topic, String owner, Supplier<S> newState, RecordApplier<S> applier) {
        this.topic = topic;
        this.owner = owner;
        this.newState = newState;
        this.applier = applier;
    }

    public String topic() {
        return topic;
    }

    /** Reads the whole topic (committed records only) into a fresh state. */
    public S load(Map<String, Object> kafkaConfig) {
        S state = newState.get();
        try (StateTopic<String> records = StateTopic.builder(kafkaConfig, topic, String.class)
                .codec(Function.identity(), Function.identity())
                .clientId(owner)
                .readTimeout(READ_TIMEOUT)
                .open()) {
            records.catchUp((key, json, offset) -> {
                if (key != null) {
                    applier.apply(state, key, json);
                }
            });
        }
        return state;
    }

    /**
     * The records to send in the owner's transaction: each key of {@code values} set to its value (as JSON), each
     * of {@code forgotten} removed (a tombstone).
     */
    protected List<ProducerRecord<String, String>> records(Map<String, ?> values, Collection<String> forgotten) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        values.forEach((key, value) -> records.add(new ProducerRecord<>(topic, key, EventJson.toJson(value))));
        forgotten.forEach(key -> records.add(new ProducerRecord<>(topic, key, null)));
        return records;
    }
}
