package io.mderesponse.service.state;

import io.mderesponse.contracts.serde.EventJson;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
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

    private final String topic;
    private final String owner;

    /** @param owner the service, for the reading client's id */
    protected TransactionalStateStore(String topic, String owner) {
        this.topic = topic;
        this.owner = owner;
    }

    public String topic() {
        return topic;
    }

    /** Reads the whole topic (committed records only) into a fresh state. */
    public S load(Map<String, Object> kafkaConfig) {
        S state = newState();
        try (StateTopic<String> records = StateTopic.builder(kafkaConfig, topic, String.class)
                .codec(Function.identity(), Function.identity())
                .clientId(owner)
                .readTimeout(READ_TIMEOUT)
                .open()) {
            records.catchUp((key, json, offset) -> {
                if (key != null) {
                    apply(state, key, json);
                }
            });
        }
        return state;
    }

    /** An empty state, before the topic is read. */
    protected abstract S newState();

    /** Applies one record: {@code json} is null for a tombstone. */
    protected abstract void apply(S state, String key, String json);

    /** The record that sets {@code key} to {@code value}, to send in the owner's transaction. */
    protected ProducerRecord<String, String> put(String key, Object value) {
        return new ProducerRecord<>(topic, key, EventJson.toJson(value));
    }

    /** The tombstone that forgets {@code key}. */
    protected ProducerRecord<String, String> remove(String key) {
        return new ProducerRecord<>(topic, key, null);
    }
}
