package io.mderesponse.service.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mderesponse.testsupport.kafka.SharedKafkaBroker;
import io.mderesponse.testsupport.kafka.TestTopics;
import io.mderesponse.testsupport.kafka.TopicReader;
import io.mderesponse.testsupport.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A state topic on the real broker: durable writes, catch-up with and without own writes, retention. */
class StateTopicTest {

    /** A test value: {@code until} is when it stops mattering, or null for never. */
    record Note(String text, Instant until) {
    }

    private final ManualClock clock = new ManualClock();
    private final List<StateTopic<Note>> opened = new ArrayList<>();
    private String topic;

    @BeforeEach
    void createTopic() {
        topic = TestTopics.compacted("state-topic-test", 1);
    }

    @AfterEach
    void close() {
        opened.forEach(StateTopic::close);
    }

    @Test
    void eachWriterReadsTheOthersEntriesAndStepsOverItsOwn() {
        StateTopic<Note> mine = open(StateTopic.OwnWrites.APPLIED_BY_WRITER);
        StateTopic<Note> other = open(StateTopic.OwnWrites.APPLIED_BY_WRITER);
        Map<String, String> myTable = new HashMap<>();
        mine.catchUp(into(myTable));

        mine.write("a", note("mine a"));
        other.write("b", note("other b"));
        mine.write("c", note("mine c"));
        other.write("a", note("other a"));
        List<String> read = new ArrayList<>();
        mine.catchUp((key, value, offset) -> read.add(key + "=" + value.text()));

        assertThat(read).containsExactly("b=other b", "a=other a");
        assertThat(mine.skippedOwnRecords()).isEqualTo(2);
        List<String> fresh = new ArrayList<>();
        open(StateTopic.OwnWrites.APPLIED_BY_WRITER).catchUp((key, value, offset) -> fresh.add(key));
        assertThat(fresh).as("a new reader reads everyone's").containsExactly("a", "b", "c", "a");
    }

    @Test
    void readBackHandsOwnWritesBackInLogOrderWithOthers() {
        StateTopic<Note> mine = open(StateTopic.OwnWrites.READ_BACK);
        StateTopic<Note> other = open(StateTopic.OwnWrites.READ_BACK);
        mine.catchUp((key, value, offset) -> { });

        other.write("x", note("first"));
        mine.write("y", note("second"));
        List<String> read = new ArrayList<>();
        mine.catchUp((key, value, offset) -> read.add(value.text()));

        assertThat(read).containsExactly("first", "second");
        assertThat(mine.skippedOwnRecords()).isZero();
    }

    @Test
    void expiredEntriesAreTombstonedAndLeaveTheTableWhileOthersStay() {
        StateTopic<Note> state = open(StateTopic.OwnWrites.APPLIED_BY_WRITER);
        Map<String, String> table = new HashMap<>();
        state.catchUp(into(table));
        for (int i = 0; i < 50; i++) {
            state.write("old-" + i, new Note("old", clock.instant().plus(Duration.ofMinutes(i))));
            table.put("old-" + i, "old");
        }
        state.write("forever", note("forever"));
        table.put("forever", "forever");
        state.write("young", new Note("young", clock.instant().plus(Duration.ofDays(1))));
        table.put("young", "young");

        clock.advance(Duration.ofHours(1));
        assertThat(state.expireDue(into(table))).isEqualTo(50);

        assertThat(table).containsOnlyKeys("forever", "young");
        assertThat(TopicReader.liveKeys(SharedKafkaBroker.bootstrapServers(), topic))
                .containsExactlyInAnyOrder("forever", "young");
        assertThat(state.expiringEntries()).isEqualTo(1);
        assertThat(state.expireDue(into(table))).as("nothing left to expire").isZero();
    }

    @Test
    void anEntryRewrittenElsewhereIsJudgedByItsNewestValue() {
        StateTopic<Note> mine = open(StateTopic.OwnWrites.APPLIED_BY_WRITER);
        StateTopic<Note> other = open(StateTopic.OwnWrites.APPLIED_BY_WRITER);
        Map<String, String> table = new HashMap<>();
        mine.catchUp(into(table));
        mine.write("k", new Note("short", clock.instant().plus(Duration.ofMinutes(1))));
        other.write("k", new Note("long", clock.instant().plus(Duration.ofDays(1))));

        clock.advance(Duration.ofHours(1));

        assertThat(mine.expireDue(into(table))).isZero();
        assertThat(table).containsEntry("k", "long");
        assertThat(TopicReader.liveKeys(SharedKafkaBroker.bootstrapServers(), topic)).containsExactly("k");
    }

    @Test
    void anUnreadableRecordStopsAFailingReaderAndIsSkippedByASkippingOne() {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(kafka(), new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "bad", "{not json")).get();
            producer.send(new ProducerRecord<>(topic, "good", "{\"text\":\"fine\"}")).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }

        assertThatThrownBy(() -> open(StateTopic.OwnWrites.APPLIED_BY_WRITER).catchUp((key, value, offset) -> { }))
                .hasMessageContaining("Unreadable state record " + topic + "-0@0 (key bad)");
        StateTopic<Note> skipping = StateTopic.builder(kafka(), topic, Note.class)
                .unreadable(StateTopic.Unreadable.SKIP).open();
        opened.add(skipping);
        Map<String, String> table = new HashMap<>();
        skipping.catchUp(into(table));
        assertThat(table).containsExactly(Map.entry("good", "fine"));
    }

    @Test
    void aTopicThatDoesNotExistIsRefusedByName() {
        assertThatThrownBy(() -> StateTopic.builder(kafka(), "no-such-topic-" + UUID.randomUUID(), Note.class)
                .readTimeout(Duration.ofSeconds(2)).open())
                .hasMessageContaining("no-such-topic-");
    }

    private StateTopic<Note> open(StateTopic.OwnWrites ownWrites) {
        StateTopic<Note> state = StateTopic.builder(kafka(), topic, Note.class)
                .clientId("test")
                .ownWrites(ownWrites)
                .clock(clock)
                .expiresAt(note -> Optional.ofNullable(note.until()))
                .open();
        opened.add(state);
        return state;
    }

    private static StateTopic.Table<Note> into(Map<String, String> table) {
        return (key, value, offset) -> {
            if (value == null) {
                table.remove(key);
            } else {
                table.put(key, value.text());
            }
        };
    }

    private static Note note(String text) {
        return new Note(text, null);
    }

    private static Map<String, Object> kafka() {
        return Map.of("bootstrap.servers", SharedKafkaBroker.bootstrapServers());
    }
}
