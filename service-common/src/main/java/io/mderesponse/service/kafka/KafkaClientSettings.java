package io.mderesponse.service.kafka;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The one place that turns the service's {@code kafka.*} settings (the map SmallRye exposes as
 * {@code @Identifier("default-kafka-broker")}) into the configuration of an internal Kafka client: state topics,
 * leadership, dead letter redrive, topic provisioning, backtests.
 *
 * <p>Each builder keeps the settings that kind of client knows (bootstrap servers, {@code security.protocol},
 * {@code sasl.*}, {@code ssl.*}, tuning), so an internal client connects exactly as the service's channels do and
 * logs no warning about settings it does not know; then it sets what the client's role requires, which the
 * operator's settings cannot weaken.
 */
public final class KafkaClientSettings {

    private KafkaClientSettings() {
    }

    /** An admin client. */
    public static Map<String, Object> admin(Map<String, Object> kafka) {
        return known(kafka, AdminClientConfig.configNames());
    }

    /**
     * A consumer outside any group that reads committed records from the beginning and commits nothing: how a
     * service reads a state topic or a retained topic.
     */
    public static Map<String, Object> groupless(Map<String, Object> kafka, String clientId) {
        Map<String, Object> config = known(kafka, ConsumerConfig.configNames());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        committedFromEarliest(config);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return config;
    }

    /** A consumer in {@code group} that reads committed records and commits its offsets itself. */
    public static Map<String, Object> inGroup(Map<String, Object> kafka, String group, String clientId) {
        Map<String, Object> config = known(kafka, ConsumerConfig.configNames());
        // A static member id belongs to the service's channels; an internal consumer sharing it would fence them.
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        committedFromEarliest(config);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return config;
    }

    /**
     * A producer whose every acknowledged write is on all in-sync replicas, without duplicates from its retries,
     * sent at once: callers wait for each write before they act on it, so a linger would only add to every wait.
     */
    public static Map<String, Object> durable(Map<String, Object> kafka, String clientId) {
        Map<String, Object> config = known(kafka, ProducerConfig.configNames());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        return config;
    }

    /** A durable producer that writes in transactions under {@code transactionalId}. */
    public static Map<String, Object> transactional(Map<String, Object> kafka, String transactionalId) {
        Map<String, Object> config = durable(kafka, transactionalId);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        return config;
    }

    private static void committedFromEarliest(Map<String, Object> config) {
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
    }

    private static Map<String, Object> known(Map<String, Object> kafka, Set<String> names) {
        Map<String, Object> config = new HashMap<>();
        kafka.forEach((key, value) -> {
            if (names.contains(key)) {
                config.put(key, value);
            }
        });
        return config;
    }
}
