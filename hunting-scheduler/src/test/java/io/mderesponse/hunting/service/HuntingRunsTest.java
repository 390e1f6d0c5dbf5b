package io.mderesponse.hunting.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.contracts.event.HuntingRowFound;
import io.mderesponse.defender.client.DefenderOperation;
import io.mderesponse.defender.client.error.DefenderBadRequestException;
import io.mderesponse.defender.client.error.DefenderThrottledException;
import io.mderesponse.defender.client.error.ErrorDetails;
import io.mderesponse.hunting.service.query.HuntingQuery;
import io.mderesponse.hunting.service.query.Schedule;
import io.mderesponse.hunting.state.HuntingState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HuntingRunsTest {

    private static final String DEVICE = "0123456789abcdef0123456789abcdef01234567";
    private static final Instant T0 = Instant.parse("2026-11-27T06:00:00Z");

    private final HuntingQuery query = new HuntingQuery("q1", "DeviceProcessEvents",
            new Schedule.Every(Duration.ofMinutes(5)), Duration.ofMinutes(10), null, List.of());
    private static final Map<String, String> TYPES = Map.of("Timestamp", "DateTime", "DeviceId", "String",
            "FileName", "String", "ProcessId", "Int64");
    private final List<String> sent = new ArrayList<>();
    private final List<Instant[]> windows = new ArrayList<>();
    private final List<RunResult> committed = new ArrayList<>();
    private final HuntingState state = new HuntingState();
    private List<Map<String, Object>> answer = List.of();
    private RuntimeException failure;

    private final HuntingRuns runs = new HuntingRuns(List.of(query), (kql, start, end) -> {
        sent.add(kql);
        windows.add(new Instant[] {start, end});
        if (failure != null) {
            RuntimeException thrown = failure;
            failure = null;
            throw thrown;
        }
        return new HuntingAnswer(TYPES, answer);
    }, Duration.ofDays(31), Duration.ofSeconds(30), Duration.ofMinutes(1), HuntingListener.NONE);

    @Test
    void aRowFoundAgainByTheNextRunIsPublishedOnceKeyedByItsDevice() {
        answer = List.of(row(DEVICE, "a.exe"), row("not-a-device", "b.exe"));
        runs.tick(state, T0, committed::add);
        runs.tick(state, T0.plus(Duration.ofMinutes(1)), committed::add); // not due yet
        answer = List.of(row(DEVICE, "a.exe"), row("not-a-device", "b.exe"), row(DEVICE, "c.exe"));
        runs.tick(state, T0.plus(Duration.ofMinutes(5)), committed::add);

        assertThat(sent).hasSize(2);
        List<HuntingRowFound> published = committed.stream().flatMap(r -> r.rows().stream()).toList();
        assertThat(published).extracting(r -> r.row().get("FileName")).containsExactly("a.exe", "b.exe", "c.exe");
        assertThat(published.get(0).kafkaKey()).isEqualTo(DEVICE);
        assertThat(published.get(1).deviceId()).isNull();
        assertThat(published.get(1).kafkaKey()).isEqualTo(published.get(1).rowKey()).startsWith("q1:");
        assertThat(committed.get(1).duplicates()).isEqualTo(2);
    }

    @Test
    void aCpuQuota429PausesHuntingUntilRetryAfterAndTheSameRunComesFirstAfterwards() {
        answer = List.of(row(DEVICE, "a.exe"));
        failure = new DefenderThrottledException(DefenderOperation.RUN_ADVANCED_QUERY,
                new ErrorDetails(429, "TooManyRequests", "Tenant has exceeded the allowed CPU quota", null),
                Duration.ofSeconds(60), null);

        runs.tick(state, T0, committed::add);
        assertThat(runs.pauseReason()).isEqualTo(PauseReason.CPU_QUOTA);
        assertThat(runs.pausedUntil()).isEqualTo(T0.plusSeconds(60));
        runs.tick(state, T0.plusSeconds(59), committed::add);
        assertThat(sent).hasSize(1);
        assertThat(committed).isEmpty();

        runs.tick(state, T0.plusSeconds(60), committed::add);
        assertThat(runs.pausedUntil()).isNull();
        assertThat(sent).hasSize(2);
        assertThat(committed).singleElement().satisfies(r -> assertThat(r.rows()).hasSize(1));
    }

    @Test
    void aRefusedRunWaitsForItsNextTimeAndThenLooksBackToTheLastSuccess() {
        runs.tick(state, T0, committed::add);
        failure = new DefenderBadRequestException(DefenderOperation.RUN_ADVANCED_QUERY,
                new ErrorDetails(400, "BadRequest", "Query execution has exceeded the allowed result size", null),
                null);
        runs.tick(state, T0.plus(Duration.ofMinutes(5)), committed::add);
        runs.tick(state, T0.plus(Duration.ofMinutes(7)), committed::add); // not retried before its next time
        runs.tick(state, T0.plus(Duration.ofMinutes(10)), committed::add);

        assertThat(sent).hasSize(3);
        assertThat(sent.get(2)).contains("ago(600s)");
        runs.tick(state, T0.plus(Duration.ofMinutes(30)), committed::add);
        assertThat(sent.get(3)).as("20 minutes since the last success, more than the 10m look-back")
                .contains("ago(1200s)");
        assertThat(windows.get(3)).as("the window sent to the API starts at the last success")
                .containsExactly(T0.plus(Duration.ofMinutes(10)), T0.plus(Duration.ofMinutes(30)));
    }

    @Test
    void eachRunSendsItsWindowFromNowMinusTheLookBackToNow() {
        runs.tick(state, T0, committed::add);

        assertThat(windows).singleElement().satisfies(w -> assertThat(w)
                .containsExactly(T0.minus(Duration.ofMinutes(10)), T0));
        assertThat(sent.get(0)).contains("ago(600s)");
    }

    @Test
    void theSameRowWrittenAsEachApiWritesItIsPublishedOnceWithItsValuesInCanonicalForm() {
        Map<String, Object> asDefender = row(DEVICE, "a.exe");
        asDefender.put("Timestamp", "2026-11-27T05:59:00.1230000Z");
        asDefender.put("ProcessId", 4242);
        Map<String, Object> asGraph = row(DEVICE, "a.exe");
        asGraph.put("Timestamp", "2026-11-27T05:59:00.123Z");
        asGraph.put("ProcessId", "4242");

        answer = List.of(asDefender);
        runs.tick(state, T0, committed::add);
        answer = List.of(asGraph);
        runs.tick(state, T0.plus(Duration.ofMinutes(5)), committed::add);

        List<HuntingRowFound> published = committed.stream().flatMap(r -> r.rows().stream()).toList();
        assertThat(published).singleElement().satisfies(r -> assertThat(r.row())
                .containsEntry("Timestamp", "2026-11-27T05:59:00.1230000Z").containsEntry("ProcessId", 4242L));
        assertThat(committed.get(1).duplicates()).isEqualTo(1);
    }

    private static Map<String, Object> row(String device, String file) {
        Map<String, Object> row = new HashMap<>();
        row.put("Timestamp", "2026-11-27T05:59:00Z");
        row.put("DeviceId", device);
        row.put("FileName", file);
        return row;
    }
}
