package io.mderesponse.kafka.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerRestartTest {

    @TempDir
    Path stateRoot;

    @Test
    void aRestartedBrokerServesTheSameAddressAndKeepsItsRecords() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start(KafkaBroker.Settings.defaults().withStateRoot(stateRoot))) {
            String topic = "restart-" + UUID.randomUUID();
            String bootstrap = broker.bootstrapServers();
            long firstPid = broker.pid();
            produce(bootstrap, topic, "before");

            broker.restart();

            assertThat(broker.bootstrapServers()).isEqualTo(bootstrap);
            assertThat(broker.pid()).isNotEqualTo(firstPid);
            assertThat(broker.isAlive()).isTrue();
            assertThat(Files.readString(broker.workDir().resolve("broker-2.log"))).contains(KafkaBroker.READY_LINE);
            produce(bootstrap, topic, "after");
            assertThat(readAll(bootstrap, topic)).containsExactly("before", "after");
        }
    }

    @Test
    void aStoppedBrokerIsDownUntilStartedAgain() {
        try (KafkaBroker broker = KafkaBroker.start(KafkaBroker.Settings.defaults().withStateRoot(stateRoot))) {
            broker.stop();
            assertThat(broker.isAlive()).isFalse();
            assertThat(broker.workDir()).exists();

            broker.startAgain();

            assertThat(broker.isAlive()).isTrue();
            assertThatThrownBy(broker::startAgain).isInstanceOf(IllegalStateException.class);
        }
    }

    private static void produce(String bootstrap, String topic, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, value)).get();
        }
    }

    private static List<String> readAll(String bootstrap, String topic) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringDeserializer(),
                new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.position(partition) < end && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
