package io.mderesponse.service.topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mderesponse.testsupport.kafka.BootstrapServers;
import io.mderesponse.testsupport.kafka.KafkaBrokerExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(KafkaBrokerExtension.class)
class TopicProvisionerTest {

    private Admin admin;
    private final String prefix = "provisioner-" + UUID.randomUUID() + ".";

    @BeforeEach
    void connect(@BootstrapServers String bootstrapServers) {
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    @AfterEach
    void close() {
        admin.close();
    }

    @Test
    void missingTopicsAreCreatedWithTheirPartitionsAndCompaction() throws Exception {
        TopicSpec pipeline = new TopicSpec(prefix + "pipeline", 6, false, false);
        TopicSpec state = new TopicSpec(prefix + "state", 1, true, true);

        List<String> created = new TopicProvisioner(admin).ensure(List.of(pipeline, state));

        assertThat(created).containsExactlyInAnyOrder(pipeline.name(), state.name());
        // A fresh topic's metadata reaches the broker's cache a moment after creation.
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() ->
                assertThat(admin.describeTopics(List.of(pipeline.name())).allTopicNames().get()
                        .get(pipeline.name()).partitions()).hasSize(6));
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, state.name());
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().untilAsserted(() -> {
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
        });
    }

    @Test
    void existingTopicsAreLeftAsTheyAre() throws Exception {
        String name = prefix + "existing";
        createAndAwait(name, 3);

        List<String> created = new TopicProvisioner(admin).ensure(List.of(new TopicSpec(name, 6, false, false)));

        assertThat(created).isEmpty();
        assertThat(admin.describeTopics(List.of(name)).allTopicNames().get().get(name).partitions()).hasSize(3);
    }

    @Test
    void aSinglePartitionTopicWithMorePartitionsStopsTheServiceWithItsName() throws Exception {
        String name = prefix + "leadership";
        createAndAwait(name, 2);

        assertThatThrownBy(() -> new TopicProvisioner(admin).ensure(List.of(new TopicSpec(name, 1, false, true))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(name)
                .hasMessageContaining("must have exactly 1 partition")
                .hasMessageContaining("has 2");
    }

    /** Creates a topic as an operator would have, and waits until the broker describes it. */
    private void createAndAwait(String name, int partitions) throws Exception {
        admin.createTopics(List.of(new NewTopic(name, Optional.of(partitions), Optional.empty()))).all().get();
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() ->
                admin.describeTopics(List.of(name)).allTopicNames().get().containsKey(name));
    }
}
