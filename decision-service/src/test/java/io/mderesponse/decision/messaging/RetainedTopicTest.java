package io.mderesponse.decision.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.testsupport.kafka.TestTopics;
import io.mderesponse.testsupport.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A back-test's read of the retained topic, on the real broker: it stops at its record cap and its deadline. */
class RetainedTopicTest {

    private static final int RECORDS = 10;

    private final String topic = "defender.alerts.enriched.retained-" + UUID.randomUUID();
    private final ManualClock clock = new ManualClock();
    private final RetainedTopic retained = new RetainedTopic(TestTopics.kafka(), clock);
    private final List<String> read = new ArrayList<>();

    @BeforeEach
    void writeTenRecords() {
        TestTopics.create(new NewTopic(topic, 1, (short) 1));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.<String, Object>of(
                "bootstrap.servers", TestTopics.kafka().get("bootstrap.servers"), "acks", "all"),
                new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < RECORDS; i++) {
                producer.send(new ProducerRecord<>(topic, "key", "record " + i));
            }
        }
    }

    @Test
    void aReadWithinItsBoundsTakesEveryRecordAndIsComplete() {
        RetainedTopic.Result result = retained.read(topic, RECORDS, Duration.ofSeconds(30),
                record -> read.add(new String(record.value())));

        assertThat(result).isEqualTo(new RetainedTopic.Result(RECORDS, true, null));
        assertThat(read).hasSize(RECORDS).startsWith("record 0").endsWith("record 9");
    }

    @Test
    void aTopicWithMoreThanMaxRecordsIsReadUpToThemAndSaysSo() {
        RetainedTopic.Result result = retained.read(topic, 4, Duration.ofSeconds(30),
                record -> read.add(new String(record.value())));

        assertThat(result.records()).isEqualTo(4);
        assertThat(result.complete()).isFalse();
        assertThat(result.incompleteBecause()).isEqualTo("stopped after 4 records (rules.backtest.max-records)");
        assertThat(read).containsExactly("record 0", "record 1", "record 2", "record 3");
    }

    @Test
    void theReadStopsAtItsDeadlineEvenInTheMiddleOfAPoll() {
        // Each record takes 10 s of the clock: the fourth would start past the 25 s deadline.
        RetainedTopic.Result result = retained.read(topic, RECORDS, Duration.ofSeconds(25), record -> {
            read.add(new String(record.value()));
            clock.advance(Duration.ofSeconds(10));
        });

        assertThat(result.records()).isEqualTo(3);
        assertThat(result.complete()).isFalse();
        assertThat(result.incompleteBecause()).isEqualTo("stopped after PT25S (rules.backtest.timeout)");
        assertThat(read).hasSize(3);
    }
}
