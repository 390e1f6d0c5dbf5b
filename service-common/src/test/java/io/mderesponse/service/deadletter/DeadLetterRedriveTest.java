package io.mderesponse.service.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mderesponse.testsupport.kafka.BootstrapServers;
import io.mderesponse.testsupport.kafka.KafkaBrokerExtension;
import io.mderesponse.testsupport.kafka.TopicReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Redrive on a real broker: dead letters move to the group's retry topic, each exactly once. */
@ExtendWith(KafkaBrokerExtension.class)
class DeadLetterRedriveTest {

    private final String topic = "redrive-" + UUID.randomUUID();
    private final DeadLetterChannel channel = new DeadLetterChannel("in", "g", List.of(topic, topic + ".g.retry"),
            topic + ".g.dlq", Optional.of(topic + ".g.retry"));
    private String bootstrapServers;
    private DeadLetterRedrive redrive;

    @BeforeEach
    void connect(@BootstrapServers String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.redrive = new DeadLetterRedrive(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    private void deadLetter(String key, String value, String reason) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(),
                new StringSerializer())) {
            RecordHeaders headers = new RecordHeaders();
            headers.add("ce_type", "defender.alert.detected.v1".getBytes(StandardCharsets.UTF_8));
            headers.add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
            headers.add("dead-letter-topic", topic.getBytes(StandardCharsets.UTF_8));
            producer.send(new ProducerRecord<>(channel.deadLetterTopic(), null, key, value, headers));
        }
    }

    private List<ConsumerRecord<String, String>> retried() {
        return TopicReader.readAll(bootstrapServers, topic + ".g.retry", new StringDeserializer(),
                new StringDeserializer());
    }

    @Test
    void deadLettersMoveToTheRetryTopicWithTheirKeyValueAndHeadersButNotTheirDeadLetterHeaders() {
        deadLetter("alert-1", "{\"a\":1}", "Defender get alert failed: HTTP 404");
        deadLetter("alert-2", "{\"a\":2}", "HTTP 500");
        assertThat(redrive.waiting(channel)).isEqualTo(2);

        DeadLetterRedrive.Result result = redrive.redrive(channel, Long.MAX_VALUE);

        assertThat(result.moved()).isEqualTo(2);
        assertThat(result.waiting()).isZero();
        assertThat(result.retryTopic()).isEqualTo(topic + ".g.retry");
        List<ConsumerRecord<String, String>> retried = retried();
        assertThat(retried).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("alert-1", "alert-2");
        ConsumerRecord<String, String> first = retried.stream().filter(r -> r.key().equals("alert-1")).findFirst()
                .orElseThrow();
        assertThat(first.value()).isEqualTo("{\"a\":1}");
        assertThat(TopicReader.header(first, "ce_type")).contains("defender.alert.detected.v1");
        assertThat(TopicReader.header(first, "dead-letter-reason")).isEmpty();
        assertThat(TopicReader.header(first, DeadLetterRedrive.REASON_HEADER))
                .contains("Defender get alert failed: HTTP 404");
        assertThat(TopicReader.header(first, DeadLetterRedrive.SOURCE_HEADER).orElseThrow())
                .startsWith(channel.deadLetterTopic() + "-0@");
    }

    @Test
    void aSecondRedriveMovesOnlyWhatDiedSince() {
        deadLetter("alert-1", "1", "r");
        assertThat(redrive.redrive(channel, Long.MAX_VALUE).moved()).isEqualTo(1);

        assertThat(redrive.redrive(channel, Long.MAX_VALUE).moved()).isZero();
        deadLetter("alert-2", "2", "r");
        assertThat(redrive.redrive(channel, Long.MAX_VALUE).moved()).isEqualTo(1);

        assertThat(retried()).extracting(ConsumerRecord::key).containsExactly("alert-1", "alert-2");
    }

    @Test
    void aLimitMovesTheOldestFirstAndLeavesTheRestWaiting() {
        deadLetter("alert-1", "1", "r");
        deadLetter("alert-2", "2", "r");
        deadLetter("alert-3", "3", "r");

        DeadLetterRedrive.Result result = redrive.redrive(channel, 2);

        assertThat(result.moved()).isEqualTo(2);
        assertThat(result.waiting()).isEqualTo(1);
        assertThat(retried()).extracting(ConsumerRecord::key).containsExactly("alert-1", "alert-2");
    }

    @Test
    void aChannelThatReadsNoRetryTopicCannotBeRedriven() {
        DeadLetterChannel withoutRetry = new DeadLetterChannel("in", "g", List.of(topic), topic + ".g.dlq",
                Optional.empty());

        assertThatThrownBy(() -> redrive.redrive(withoutRetry, 10)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("reads no retry topic");
    }

    @Test
    void aDeadLetterTopicThatDoesNotExistYetHasNothingToMove() {
        assertThat(redrive.waiting(channel)).isZero();
    }
}
