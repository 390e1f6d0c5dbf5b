package io.mderesponse.service.leadership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mderesponse.service.state.TransactionalWriter;
import io.mderesponse.testsupport.kafka.SharedKafkaBroker;
import io.mderesponse.testsupport.kafka.TopicReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * Which replica is active (the one assigned the leadership topic's single partition), how a standby takes over,
 * and what makes a former leader harmless: the transactional id it shares with its successor. Real broker.
 */
class PartitionLeadershipTest {

    private static final Duration SESSION = Duration.ofSeconds(6);
    private final String bootstrap = SharedKafkaBroker.bootstrapServers();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Map<String, Object> kafka = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);

    @Test
    void exactlyOneOfTwoReplicasIsActiveAndAStandbyTakesOverWhenTheLeaderLeaves() throws Exception {
        String topic = topic(1);
        try (PartitionLeadership first = leadership(topic); PartitionLeadership second = leadership(topic)) {
            first.start();
            await().atMost(Duration.ofSeconds(60)).until(first::isActive);
            second.start();
            // The second replica joins the group but the sticky assignment leaves the partition with the leader.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> first.isActive()
                    && !second.isActive());

            first.close();
            assertThat(first.isActive()).isFalse();
            // Leaving the group hands the partition over at once, well before the session timeout would.
            await().atMost(SESSION).until(second::isActive);
            assertThat(second.activeSince()).isNotNull();
        }
    }

    @Test
    void noReplicaIsActiveWhenTheLeadershipTopicHasMoreThanOnePartition() throws Exception {
        String topic = topic(2);
        try (PartitionLeadership replica = leadership(topic)) {
            replica.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> !replica.isRunning());
            assertThat(replica.isActive()).isFalse();
        }
    }

    @Test
    void aFormerLeaderThatStillWritesIsFencedByItsSuccessorsTransactionalId() throws Exception {
        String topic = topic(1);
        String transactionalId = "leadership-test-" + run;
        try (TransactionalWriter former = new TransactionalWriter(kafka, transactionalId)) {
            former.inTransaction(tx -> tx.send(record(topic, "before the takeover")));
            try (TransactionalWriter successor = new TransactionalWriter(kafka, transactionalId)) {
                assertThatThrownBy(() -> former.inTransaction(tx -> tx.send(record(topic, "after the takeover"))))
                        .isInstanceOf(KafkaException.class);
                successor.inTransaction(tx -> tx.send(record(topic, "by the successor")));
            }
        }
        List<String> committed = TopicReader.readAll(bootstrap, topic, new StringDeserializer(),
                new StringDeserializer()).stream().map(ConsumerRecord::value).toList();
        assertThat(committed).containsExactly("before the takeover", "by the successor");
    }

    private PartitionLeadership leadership(String topic) {
        return new PartitionLeadership(kafka, topic, "leadership-test-" + run, SESSION, "test leader");
    }

    private String topic(int partitions) throws Exception {
        String name = "leadership-test-" + run + "-" + partitions;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get();
        }
        return name;
    }

    private static ProducerRecord<String, byte[]> record(String topic, String value) {
        return new ProducerRecord<>(topic, "key", value.getBytes(StandardCharsets.UTF_8));
    }
}
