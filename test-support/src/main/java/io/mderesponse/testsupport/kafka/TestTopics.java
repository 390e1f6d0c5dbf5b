package io.mderesponse.testsupport.kafka;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/** Topics a test makes for itself on the shared broker, named uniquely so test classes do not see each other's. */
public final class TestTopics {

    private TestTopics() {
    }

    /** Creates a compacted topic {@code <prefix>.<random>} with {@code partitions} partitions; answers its name. */
    public static String compacted(String prefix, int partitions) {
        String name = prefix + "." + UUID.randomUUID();
        create(new NewTopic(name, partitions, (short) 1).configs(
                Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)));
        return name;
    }

    /** Creates the given topics on the shared broker. */
    public static void create(NewTopic... topics) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", SharedKafkaBroker.bootstrapServers()))) {
            admin.createTopics(List.of(topics)).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating test topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not create test topics: " + e.getCause().getMessage(), e);
        }
    }

    /** The settings a plain client of the tests needs to reach the shared broker. */
    public static Map<String, Object> kafka() {
        return Map.of("bootstrap.servers", SharedKafkaBroker.bootstrapServers());
    }
}
