package io.mderesponse.decision.guard;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/** Client settings for the guard state topics, from the application's {@code kafka.*} settings. */
final class KafkaSettings {

    private KafkaSettings() {
    }

    static Map<String, Object> consumer(Map<String, Object> kafka) {
        Map<String, Object> config = only(kafka, ConsumerConfig.configNames());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return config;
    }

    static Map<String, Object> producer(Map<String, Object> kafka) {
        Map<String, Object> config = only(kafka, ProducerConfig.configNames());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return config;
    }

    static Map<String, Object> admin(Map<String, Object> kafka) {
        return only(kafka, AdminClientConfig.configNames());
    }

    private static Map<String, Object> only(Map<String, Object> kafka, java.util.Set<String> names) {
        Map<String, Object> config = new HashMap<>();
        kafka.forEach((key, value) -> {
            if (names.contains(key)) {
                config.put(key, value);
            }
        });
        return config;
    }
}
