package io.mderesponse.hunting.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.hunting.service.query.HuntingQuery;
import io.mderesponse.hunting.service.query.Schedule;
import io.mderesponse.hunting.state.HuntingState;
import io.mderesponse.hunting.state.HuntingStateStore;
import io.mderesponse.service.state.TransactionalWriter;
import io.mderesponse.testsupport.kafka.SharedKafkaBroker;
import io.mderesponse.testsupport.kafka.TestTopics;
import io.mderesponse.testsupport.kafka.TopicReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * On the real broker, with the scheduler's clock given to each run: row keys older than
 * {@code hunting.seen-retention} leave the state in memory and the seen-rows topic's live keys, so both stay
 * bounded by the rows of the horizon, while a row published inside the horizon is not published twice.
 */
class HuntingStateRetentionTest {

    private static final Duration RETENTION = Duration.ofHours(6);
    private static final Instant T0 = Instant.parse("2026-11-27T06:00:00Z");
    private static final String DEVICE = "0123456789abcdef0123456789abcdef01234567";
    private static final int ROWS_PER_RUN = 10;

    private final HuntingQuery query = new HuntingQuery("q1", "DeviceProcessEvents",
            new Schedule.Every(Duration.ofHours(1)), Duration.ofHours(2), null, List.of());
    private final List<RunResult> committed = new ArrayList<>();
    private List<Map<String, Object>> answer = List.of();

    @Test
    void rowKeysPastTheRetentionLeaveMemoryAndTopicWhileARecentRowIsNotPublishedTwice() throws Exception {
        String topic = TestTopics.compacted("hunting-test.seen-rows", 1);
        Map<String, Object> kafka = TestTopics.kafka();
        HuntingStateStore store = new HuntingStateStore(topic);
        HuntingState state = store.load(kafka);
        HuntingRuns runs = new HuntingRuns(List.of(query), (kql, start, end) -> new HuntingAnswer(
                Map.of("Timestamp", "DateTime", "DeviceId", "String", "FileName", "String"), answer),
                RETENTION, Duration.ofSeconds(30), Duration.ofMinutes(1), HuntingListener.NONE);
        Instant now = T0;
        List<Map<String, Object>> lastRows = List.of();
        try (TransactionalWriter writer = new TransactionalWriter(kafka, "hunting-test-" + UUID.randomUUID())) {
            // Two days of hourly runs, ten new rows each: eight times what the horizon keeps.
            for (int hour = 0; hour < 48; hour++) {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (int i = 0; i < ROWS_PER_RUN; i++) {
                    rows.add(Map.of("Timestamp", now.minusSeconds(60).toString(), "DeviceId", DEVICE,
                            "FileName", "file-" + hour + "-" + i + ".exe"));
                }
                answer = rows;
                lastRows = rows;
                runs.tick(state, now, result -> {
                    committed.add(result);
                    writer.inTransaction(transaction -> store.records(result.update())
                            .forEach(transaction::sendState));
                });
                now = now.plus(Duration.ofHours(1));
            }
        }

        int bound = (int) (RETENTION.toHours() + 2) * ROWS_PER_RUN;
        assertThat(state.seenCount()).isLessThanOrEqualTo(bound);
        assertThat(TopicReader.liveKeys(SharedKafkaBroker.bootstrapServers(), topic))
                .filteredOn(key -> key.startsWith("row:")).hasSizeLessThanOrEqualTo(bound);
        assertThat(store.load(kafka).seenCount()).as("read back after a restart").isLessThanOrEqualTo(bound);

        int published = published();
        answer = lastRows;
        runs.tick(state, now, committed::add);
        assertThat(published()).as("the last run's rows, found again an hour later").isEqualTo(published);
    }

    private int published() {
        return committed.stream().mapToInt(result -> result.rows().size()).sum();
    }
}
