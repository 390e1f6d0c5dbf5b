package io.mderesponse.notifier.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.contracts.defender.Severity;
import io.mderesponse.notifier.Samples;
import io.mderesponse.notifier.state.SentEntry;
import io.mderesponse.notifier.state.SentLogStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotificationLedgerTest {

    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    /** An in-memory log; a new ledger over the same log is a restarted service. */
    static final class MemoryLog implements SentLogStore {
        final List<Map.Entry<String, SentEntry>> records = new ArrayList<>();
        private int read;

        @Override
        public long write(String key, SentEntry entry) {
            records.add(Map.entry(key, entry));
            return records.size() - 1;
        }

        @Override
        public void catchUp(Entries apply) {
            while (read < records.size()) {
                Map.Entry<String, SentEntry> record = records.get(read);
                apply.apply(record.getKey(), record.getValue(), read++);
            }
        }

        MemoryLog reopened() {
            MemoryLog copy = new MemoryLog();
            copy.records.addAll(records);
            return copy;
        }
    }

    private final NotificationService service = new NotificationService(List.of("soc@example.test"),
            new PortalLinks("https://portal.example.test"));
    private final MemoryLog log = new MemoryLog();

    @Test
    void aRedeliveredEventSendsNothingTwiceEvenAfterARestart() {
        NotificationLedger ledger = new NotificationLedger(log, 5, WINDOW);
        Notification first = notifyOnly("a1");

        NotificationLedger.Plan plan = ledger.plan(first, T0);
        assertThat(plan).isInstanceOf(NotificationLedger.Send.class);
        ledger.sent((NotificationLedger.Send) plan, T0);

        assertThat(ledger.plan(first, T0.plusSeconds(1))).isInstanceOf(NotificationLedger.Skip.class);
        NotificationLedger restarted = new NotificationLedger(log.reopened(), 5, WINDOW);
        restarted.catchUp();
        assertThat(restarted.plan(first, T0.plusSeconds(2))).isInstanceOf(NotificationLedger.Skip.class);
    }

    @Test
    void aFailedSendIsNotRecordedSoItIsTriedAgain() {
        NotificationLedger ledger = new NotificationLedger(log, 1, WINDOW);
        Notification first = notifyOnly("a1");

        ledger.failed((NotificationLedger.Send) ledger.plan(first, T0));

        assertThat(log.records).isEmpty();
        assertThat(ledger.plan(first, T0)).isInstanceOf(NotificationLedger.Send.class);
    }

    @Test
    void aNewRecipientOfAnAlreadyEmailedAlertGetsItAlone() {
        NotificationLedger ledger = new NotificationLedger(log, 5, WINDOW);
        ledger.sent((NotificationLedger.Send) ledger.plan(notifyOnly("a1"), T0), T0);

        NotificationLedger.Plan plan = ledger.plan(notifyOnly("a1", "new@example.test"), T0);

        assertThat(((NotificationLedger.Send) plan).notification().recipients()).containsExactly("new@example.test");
    }

    @Test
    void pastTheThresholdEmailsGoIntoOneDigestDueWhenTheWindowCloses() {
        NotificationLedger ledger = new NotificationLedger(log, 2, WINDOW);
        for (int i = 0; i < 10; i++) {
            NotificationLedger.Plan plan = ledger.plan(notifyOnly("a" + i), T0.plusSeconds(i));
            if (plan instanceof NotificationLedger.Send send) {
                ledger.sent(send, T0.plusSeconds(i));
            } else {
                ledger.queue((NotificationLedger.Queue) plan, T0.plusSeconds(i));
            }
        }
        assertThat(ledger.pendingCount()).isEqualTo(8);
        assertThat(ledger.dueDigests(T0.plus(WINDOW).minusSeconds(1))).isEmpty();

        // A restart keeps the queued items and the window's count.
        NotificationLedger restarted = new NotificationLedger(log.reopened(), 2, WINDOW);
        restarted.catchUp();
        assertThat(restarted.plan(notifyOnly("b"), T0.plusSeconds(30))).isInstanceOf(NotificationLedger.Queue.class);
        List<NotificationLedger.DueDigest> due = restarted.dueDigests(T0.plus(WINDOW));
        assertThat(due).hasSize(1);
        assertThat(due.get(0).items()).hasSize(8);
        assertThat(due.get(0).recipients()).containsExactly("soc@example.test");

        restarted.digestSent(due.get(0), T0.plus(WINDOW));
        assertThat(restarted.dueDigests(T0.plus(WINDOW))).isEmpty();
        assertThat(restarted.plan(notifyOnly("a9"), T0.plus(WINDOW))).isInstanceOf(NotificationLedger.Skip.class);
        assertThat(restarted.plan(notifyOnly("c"), T0.plus(WINDOW))).isInstanceOf(NotificationLedger.Send.class);
    }

    private Notification notifyOnly(String alertId, String... recipients) {
        return service.forDecision(Samples.notifyOnly(Samples.alert(alertId, "Title " + alertId, Severity.Medium),
                List.of(recipients))).orElseThrow();
    }
}
