package io.mderesponse.notifier.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mderesponse.contracts.defender.Severity;
import io.mderesponse.notifier.Samples;
import io.mderesponse.notifier.state.SentEntry;
import io.mderesponse.notifier.state.SentLogStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Two callers at once: other keys go ahead, the same key is never planned twice while its send is open. */
class NotificationLedgerConcurrencyTest {

    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    /** An in-memory sent-log safe for the writes that now happen outside the ledger's lock. */
    static final class SharedLog implements SentLogStore {
        private final List<Map.Entry<String, SentEntry>> records = new ArrayList<>();
        private int read;

        @Override
        public synchronized long write(String key, SentEntry entry) {
            records.add(Map.entry(key, entry));
            return records.size() - 1;
        }

        @Override
        public synchronized void catchUp(Entries apply) {
            while (read < records.size()) {
                Map.Entry<String, SentEntry> record = records.get(read);
                apply.apply(record.getKey(), record.getValue(), read++);
            }
        }
    }

    private final NotificationService service = new NotificationService(List.of("soc@example.test"),
            new PortalLinks("https://portal.example.test"));
    private final NotificationLedger ledger = new NotificationLedger(new SharedLog(), 100, WINDOW);

    @Test
    void whileOneKeyIsBeingSentAnotherKeyIsPlannedAtOnce() {
        ledger.plan(notifyOnly("a1"), T0);

        assertThat(ledger.plan(notifyOnly("a2"), T0)).isInstanceOf(NotificationLedger.Send.class);
    }

    @Test
    void aSecondPlanOfAKeyBeingSentWaitsForTheSendAndThenSkips() {
        NotificationLedger.Send first = (NotificationLedger.Send) ledger.plan(notifyOnly("a1"), T0);
        AtomicReference<NotificationLedger.Plan> second = new AtomicReference<>();
        Thread thread = new Thread(() -> second.set(ledger.plan(notifyOnly("a1"), T0)), "second-caller");
        thread.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> thread.getState() == Thread.State.WAITING);
        assertThat(second.get()).isNull();
        ledger.sent(first, T0);

        await().atMost(Duration.ofSeconds(30)).until(() -> second.get() != null);
        assertThat(second.get()).isInstanceOf(NotificationLedger.Skip.class);
    }

    @Test
    void aSecondPlanOfAKeyWhoseSendFailedGetsToSendIt() {
        NotificationLedger.Send first = (NotificationLedger.Send) ledger.plan(notifyOnly("a1"), T0);
        AtomicReference<NotificationLedger.Plan> second = new AtomicReference<>();
        Thread thread = new Thread(() -> second.set(ledger.plan(notifyOnly("a1"), T0)), "second-caller");
        thread.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> thread.getState() == Thread.State.WAITING);
        ledger.failed(first);

        await().atMost(Duration.ofSeconds(30)).until(() -> second.get() != null);
        assertThat(second.get()).isInstanceOf(NotificationLedger.Send.class);
    }

    private Notification notifyOnly(String alertId) {
        return service.forDecision(Samples.notifyOnly(Samples.alert(alertId, "Title " + alertId, Severity.Medium),
                List.of())).orElseThrow();
    }
}
