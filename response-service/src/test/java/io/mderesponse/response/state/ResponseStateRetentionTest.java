package io.mderesponse.response.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.contracts.event.FinalStatus;
import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.response.testing.RequestsAndResults;
import io.mderesponse.testsupport.defender.TestIds;
import io.mderesponse.testsupport.kafka.SharedKafkaBroker;
import io.mderesponse.testsupport.kafka.TestTopics;
import io.mderesponse.testsupport.kafka.TopicReader;
import io.mderesponse.testsupport.time.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On the real broker: completed requests leave memory and the topic once past {@code response.completed-retention},
 * settled intents leave memory once the topic is read past their tombstones, and a completed request inside the
 * retention is still known as completed (which is what keeps the service from calling Defender again for it).
 */
class ResponseStateRetentionTest {

    private static final Duration RETENTION = Duration.ofHours(1);

    private final ManualClock clock = new ManualClock();
    private final List<ResponseStateStore> opened = new ArrayList<>();
    private String intents;
    private String progress;

    @BeforeEach
    void createTopics() {
        intents = TestTopics.compacted("response-test.intents", 1);
        progress = TestTopics.compacted("response-test.request-actions", 1);
    }

    @AfterEach
    void close() {
        opened.forEach(ResponseStateStore::close);
    }

    @Test
    void completedRequestsPastTheRetentionLeaveMemoryAndTopicWhileNewerOnesStayKnown() {
        ResponseStateStore store = open();
        store.load();
        int perHour = 20;
        MachineActionRequested last = null;
        // Ten hours of requests, three minutes apart, each carried out as the service does it: intent, action,
        // result, intent removed.
        for (int hour = 0; hour < 10; hour++) {
            for (int i = 0; i < perHour; i++) {
                last = RequestsAndResults.isolation(TestIds.machineId());
                carryOut(store, last);
                clock.advance(Duration.ofMinutes(3));
            }
            store.expireDue();
            store.catchUp();
            assertThat(store.state().size()).as("entries in memory after hour %d", hour)
                    .isLessThanOrEqualTo(perHour);
        }

        assertThat(TopicReader.liveKeys(SharedKafkaBroker.bootstrapServers(), progress))
                .hasSizeLessThanOrEqualTo(perHour);
        assertThat(TopicReader.liveKeys(SharedKafkaBroker.bootstrapServers(), intents)).isEmpty();
        assertThat(store.state().progress(last.requestId())).hasValueSatisfying(
                p -> assertThat(p.isCompleted()).isTrue());

        ResponseStateStore restarted = open();
        restarted.load();
        assertThat(restarted.state().size()).isLessThanOrEqualTo(perHour);
        assertThat(restarted.state().progress(last.requestId())).hasValueSatisfying(
                p -> assertThat(p.isCompleted()).isTrue());
    }

    @Test
    void anActionStillTrackedIsKeptHoweverOld() {
        ResponseStateStore store = open();
        store.load();
        MachineActionRequested request = RequestsAndResults.isolation(TestIds.machineId());
        store.recordProgress(RequestProgress.tracking(ActionRequest.of(request), "action-1", clock.instant(),
                clock.instant()));

        clock.advance(Duration.ofDays(30));
        assertThat(store.expireDue()).isZero();

        assertThat(store.state().tracking()).extracting(RequestProgress::requestId)
                .containsExactly(request.requestId());
    }

    private void carryOut(ResponseStateStore store, MachineActionRequested delivered) {
        ActionRequest request = ActionRequest.of(delivered);
        store.recordIntent(RequestIntent.first(request, clock.instant()));
        store.recordProgress(RequestProgress.tracking(request, "action-" + request.requestId(), clock.instant(),
                clock.instant()));
        store.recordProgress(RequestProgress.completed(request, "action-" + request.requestId(), clock.instant(),
                FinalStatus.Succeeded, null, clock.instant()));
        store.forgetIntent(request.requestId());
    }

    private ResponseStateStore open() {
        ResponseStateStore store = new ResponseStateStore(
                Map.of("bootstrap.servers", SharedKafkaBroker.bootstrapServers()), intents, progress,
                Duration.ofSeconds(30), RETENTION, clock);
        opened.add(store);
        return store;
    }
}
