package io.mderesponse.poller.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.contracts.event.AlertDetected;
import io.mderesponse.poller.state.PollerState;
import io.mderesponse.poller.state.PollerStateStore;
import io.mderesponse.service.state.TransactionalWriter;
import io.mderesponse.testsupport.kafka.SharedKafkaBroker;
import io.mderesponse.testsupport.kafka.TestTopics;
import io.mderesponse.testsupport.kafka.TopicReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * On the real broker, with the poller's own clock (the fake Defender's): alert ids older than
 * {@code poller.seen-retention} leave the state in memory and the state topic's live keys, so both stay bounded by
 * the alerts of the horizon, while an alert seen inside the horizon is still not announced twice.
 */
class PollerStateRetentionTest {

    private static final Duration RETENTION = Duration.ofDays(1);
    private static final int PER_HOUR = 10;

    private final FakeDefender defender = new FakeDefender();
    private final List<PollResult> committed = new ArrayList<>();

    @Test
    void idsPastTheRetentionLeaveMemoryAndTopicWhileARecentOneIsStillNotAnnouncedTwice() throws Exception {
        String topic = TestTopics.compacted("poller-test.state", 1);
        Map<String, Object> kafka = TestTopics.kafka();
        PollerStateStore store = new PollerStateStore(topic);
        PollerState state = store.load(kafka);
        AlertPoller poller = new AlertPoller(defender, Duration.ofMinutes(5), Duration.ofHours(1), RETENTION, 50);
        String last = null;
        try (TransactionalWriter writer = new TransactionalWriter(kafka, "poller-test-" + UUID.randomUUID())) {
            // Three days of alerts, ten an hour, polled every hour: three times what the horizon keeps.
            for (int hour = 0; hour < 72; hour++) {
                for (int i = 0; i < PER_HOUR; i++) {
                    last = "alert-" + hour + "-" + i;
                    defender.addCreated(last, "Medium", defender.now.minusSeconds(60), defender.now.minusSeconds(30));
                }
                poller.poll(state, defender.now, result -> {
                    committed.add(result);
                    writer.inTransaction(transaction -> store.records(result.update())
                            .forEach(transaction::sendState));
                });
                defender.now = defender.now.plus(Duration.ofHours(1));
            }
        }

        int bound = (int) (RETENTION.toHours() + 2) * PER_HOUR;
        assertThat(state.seenCount()).isLessThanOrEqualTo(bound);
        assertThat(TopicReader.liveKeys(SharedKafkaBroker.bootstrapServers(), topic)).hasSizeLessThanOrEqualTo(bound + 1);
        assertThat(store.load(kafka).seenCount()).as("read back after a restart").isLessThanOrEqualTo(bound);

        int announced = detected();
        defender.update(last, "Medium", defender.now.minusSeconds(10));
        poller.poll(state, defender.now, committed::add);
        assertThat(detected()).as("the last alert, seen an hour ago and updated since, is not announced again")
                .isEqualTo(announced);
    }

    private int detected() {
        return (int) committed.stream().flatMap(result -> result.events().stream())
                .filter(event -> event instanceof AlertDetected).count();
    }
}
