package io.mderesponse.notifier.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.contracts.defender.Severity;
import io.mderesponse.notifier.Samples;
import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.FinalStatus;
import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.notifier.service.ActionResult;
import io.mderesponse.notifier.service.Notification;
import io.mderesponse.notifier.service.NotificationKind;
import io.mderesponse.notifier.service.NotificationLedger;
import io.mderesponse.notifier.service.NotificationService;
import io.mderesponse.notifier.service.PortalLinks;
import io.mderesponse.notifier.service.ResultEmails;
import io.mderesponse.testsupport.kafka.SharedKafkaBroker;
import io.mderesponse.testsupport.kafka.TopicReader;
import io.mderesponse.testsupport.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sent-log on the real broker: catch-up steps over this instance's own writes, never over anyone else's, and
 * sent entries leave memory and topic once past {@code notifier.sent-log-retention}; a plan's results and claims
 * make one email per decision across replicas and restarts.
 */
class KafkaSentLogTest {

    private static final Duration WINDOW = Duration.ofMinutes(10);
    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

    private final NotificationService service = new NotificationService(List.of("soc@example.test"),
            new PortalLinks("https://portal.example.test"));
    private final List<KafkaSentLog> opened = new ArrayList<>();
    private String topic;

    @BeforeEach
    void createTopic() throws Exception {
        topic = "notifier-test.sent-log." + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", SharedKafkaBroker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
    }

    @AfterEach
    void close() {
        opened.forEach(KafkaSentLog::close);
    }

    @Test
    void ownWritesAreSteppedOverWhileAnotherWritersEntriesAreRead() {
        KafkaSentLog mine = open();
        KafkaSentLog other = open();
        mine.catchUp((key, entry, offset) -> { });

        mine.write("mine-1", entry("mine-1"));
        other.write("other-1", entry("other-1"));
        mine.write("mine-2", entry("mine-2"));
        mine.write("mine-3", entry("mine-3"));
        other.write("other-2", entry("other-2"));
        List<String> read = new ArrayList<>();
        mine.catchUp((key, entry, offset) -> read.add(key));

        assertThat(read).containsExactly("other-1", "other-2");
        assertThat(mine.skippedOwnRecords()).isEqualTo(3);
        List<String> again = new ArrayList<>();
        mine.catchUp((key, entry, offset) -> again.add(key));
        assertThat(again).isEmpty();
    }

    @Test
    void aRestartedInstanceReadsItsOwnEarlierWrites() {
        KafkaSentLog before = open();
        before.catchUp((key, entry, offset) -> { });
        before.write("a", entry("a"));
        before.write("b", entry("b"));

        List<String> read = new ArrayList<>();
        open().catchUp((key, entry, offset) -> read.add(key));

        assertThat(read).containsExactly("a", "b");
    }

    @Test
    void aRestartedLedgerSendsNoDuplicateAndAnotherReplicasSendIsSeen() {
        NotificationLedger ledger = ledger();
        NotificationLedger replica = ledger();
        Notification first = notifyOnly("a1");
        Notification second = notifyOnly("a2");

        ledger.sent((NotificationLedger.Send) ledger.plan(first, T0), T0);
        // The replica's own write lands between the two of the first ledger, so its catch-up must mix skipping
        // and reading.
        replica.sent((NotificationLedger.Send) replica.plan(notifyOnly("r1"), T0), T0);
        ledger.sent((NotificationLedger.Send) ledger.plan(second, T0), T0);

        assertThat(ledger.plan(first, T0.plusSeconds(1))).isInstanceOf(NotificationLedger.Skip.class);
        assertThat(ledger.plan(notifyOnly("r1"), T0.plusSeconds(1))).isInstanceOf(NotificationLedger.Skip.class);
        assertThat(replica.plan(first, T0.plusSeconds(1))).isInstanceOf(NotificationLedger.Skip.class);
        assertThat(replica.plan(second, T0.plusSeconds(1))).isInstanceOf(NotificationLedger.Skip.class);
        NotificationLedger restarted = ledger();
        restarted.catchUp();
        assertThat(restarted.size()).isEqualTo(3);
        assertThat(restarted.plan(first, T0.plusSeconds(2))).isInstanceOf(NotificationLedger.Skip.class);
        assertThat(restarted.plan(second, T0.plusSeconds(2))).isInstanceOf(NotificationLedger.Skip.class);
        assertThat(restarted.plan(notifyOnly("new"), T0.plusSeconds(2))).isInstanceOf(NotificationLedger.Send.class);
    }

    @Test
    void sentEntriesPastTheRetentionLeaveMemoryAndTopicWhileNewerOnesStillPreventASecondEmail() {
        Duration retention = Duration.ofHours(1);
        ManualClock clock = new ManualClock(T0);
        NotificationLedger ledger = new NotificationLedger(open(retention, clock), 1_000, WINDOW);
        ledger.catchUp();
        int perHour = 20;
        Notification last = null;
        // Ten hours of emails, three minutes apart: 200 entries, of which only the last hour's matter.
        for (int hour = 0; hour < 10; hour++) {
            for (int i = 0; i < perHour; i++) {
                last = notifyOnly("alert-" + hour + "-" + i);
                ledger.sent((NotificationLedger.Send) ledger.plan(last, clock.instant()), clock.instant());
                clock.advance(Duration.ofMinutes(3));
            }
            ledger.expireDue();
            assertThat(ledger.size()).as("entries in memory after hour %d", hour).isLessThanOrEqualTo(perHour);
        }

        assertThat(TopicReader.liveKeys(SharedKafkaBroker.bootstrapServers(), topic)).hasSizeLessThanOrEqualTo(perHour);
        assertThat(ledger.plan(last, clock.instant())).as("a redelivery inside the retention")
                .isInstanceOf(NotificationLedger.Skip.class);
        NotificationLedger restarted = new NotificationLedger(open(retention, clock), 1_000, WINDOW);
        restarted.catchUp();
        assertThat(restarted.size()).isLessThanOrEqualTo(perHour);
        assertThat(restarted.plan(last, clock.instant())).isInstanceOf(NotificationLedger.Skip.class);
        assertThat(restarted.plan(notifyOnly("alert-0-0"), clock.instant())).as("past the retention")
                .isInstanceOf(NotificationLedger.Send.class);
    }

    @Test
    void anEntryWaitingForItsDigestIsKeptPastTheRetention() {
        ManualClock clock = new ManualClock(T0);
        KafkaSentLog log = open(Duration.ofHours(1), clock);
        log.catchUp((key, entry, offset) -> { });
        SentEntry waiting = new SentEntry(SentEntry.State.PENDING, UUID.randomUUID(), NotificationKind.NOTIFY, "w",
                "soc@example.test", T0, T0, false, "subject w", null, null);
        log.write(waiting.key(), waiting);
        log.write("sent", entry("sent"));

        clock.advance(Duration.ofDays(2));
        List<String> removed = new ArrayList<>();
        log.expireDue((key, entry, offset) -> removed.add(key));

        assertThat(removed).containsExactly("sent");
        assertThat(TopicReader.liveKeys(SharedKafkaBroker.bootstrapServers(), topic)).containsExactly(waiting.key());
    }

    @Test
    void twoReplicasGivenTheLastTwoResultsOfPlansAtTheSameTimeSendOneEmailPerDecision() throws Exception {
        int decisions = 8;
        ResultEmails a = resultEmails();
        ResultEmails b = resultEmails();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < decisions; i++) {
                DecisionMade decision = Samples.isolatingAndCollecting(Samples.alert(Samples.uniqueAlertId(),
                        "Plan " + i, Severity.High), List.of());
                ActionResult isolated = ActionResult.of(Samples.isolationResult(decision, FinalStatus.Succeeded,
                        null));
                ActionResult collected = ActionResult.of(Samples.responseResult(decision,
                        MachineActionKind.COLLECT_INVESTIGATION_PACKAGE, FinalStatus.Succeeded, null));
                java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
                var fromA = pool.submit(() -> {
                    together.await();
                    return a.forResult(isolated);
                });
                var fromB = pool.submit(() -> {
                    together.await();
                    return b.forResult(collected);
                });

                assertThat(Stream.of(fromA.get(), fromB.get()).filter(java.util.Optional::isPresent).count())
                        .as("emails about decision %d", i).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRestartBetweenThePlansTwoResultsStillSendsItsEmailOnce() {
        DecisionMade decision = Samples.isolatingAndCollecting(Samples.alert(Samples.uniqueAlertId(), "Plan",
                Severity.High), List.of());
        ActionResult isolated = ActionResult.of(Samples.isolationResult(decision, FinalStatus.Succeeded, null));
        ActionResult collected = ActionResult.of(Samples.responseResult(decision,
                MachineActionKind.COLLECT_INVESTIGATION_PACKAGE, FinalStatus.TimeOut, "No answer within 3 h"));
        KafkaSentLog before = open();
        assertThat(resultEmails(before).forResult(collected)).isEmpty();
        before.close();
        opened.remove(before);

        ResultEmails restarted = resultEmails();
        assertThat(restarted.forResult(isolated)).isPresent();
        assertThat(restarted.forResult(collected)).as("the other result, redelivered").isEmpty();
        assertThat(resultEmails().forResult(collected)).as("after another restart").isEmpty();
    }

    @Test
    void aPlansWaitingResultsAndClaimsLeaveMemoryAndTopicOncePastTheRetention() {
        ManualClock clock = new ManualClock(T0);
        NotificationLedger ledger = new NotificationLedger(open(Duration.ofHours(1), clock), 100, WINDOW);
        ledger.catchUp();
        DecisionMade decision = Samples.isolatingAndCollecting(Samples.alert(Samples.uniqueAlertId(), "Plan",
                Severity.High), List.of());
        ActionResult isolated = ActionResult.of(Samples.isolationResult(decision, FinalStatus.Succeeded, null));
        ActionResult collected = ActionResult.of(Samples.responseResult(decision,
                MachineActionKind.COLLECT_INVESTIGATION_PACKAGE, FinalStatus.Succeeded, null));
        ledger.recordResult(isolated.eventId(), decision.decisionId(), isolated.outcome(), clock.instant());
        assertThat(ledger.waitingResultCount()).isEqualTo(1);
        clock.advance(Duration.ofMinutes(30));
        ledger.recordResult(collected.eventId(), decision.decisionId(), collected.outcome(), clock.instant());
        ledger.claimPlanEmail(decision.decisionId(), collected.outcome(), clock.instant());
        assertThat(ledger.waitingResultCount()).as("a claimed plan waits no more").isZero();

        clock.advance(Duration.ofMinutes(45));
        assertThat(ledger.expireDue()).as("the first result, an hour old").isEqualTo(1);
        clock.advance(Duration.ofHours(1));
        assertThat(ledger.expireDue()).isEqualTo(2);

        assertThat(TopicReader.liveKeys(SharedKafkaBroker.bootstrapServers(), topic)).isEmpty();
    }

    private ResultEmails resultEmails() {
        return resultEmails(open());
    }

    private ResultEmails resultEmails(KafkaSentLog log) {
        NotificationLedger ledger = new NotificationLedger(log, 100, WINDOW);
        ledger.catchUp();
        return new ResultEmails(service, ledger, java.time.Clock.systemUTC());
    }

    private NotificationLedger ledger() {
        return new NotificationLedger(open(), 100, WINDOW);
    }

    private KafkaSentLog open() {
        return open(Duration.ofDays(7), new ManualClock(T0));
    }

    private KafkaSentLog open(Duration retention, ManualClock clock) {
        KafkaSentLog log = new KafkaSentLog(Map.of("bootstrap.servers", SharedKafkaBroker.bootstrapServers()), topic,
                Duration.ofSeconds(30), retention, clock);
        opened.add(log);
        return log;
    }

    private static SentEntry entry(String correlationId) {
        return new SentEntry(SentEntry.State.SENT, UUID.randomUUID(), NotificationKind.NOTIFY, correlationId,
                "soc@example.test", T0, T0, true, "subject " + correlationId, null, null);
    }

    private Notification notifyOnly(String alertId) {
        return service.forDecision(Samples.notifyOnly(Samples.alert(alertId, "Title " + alertId, Severity.Medium),
                List.of())).orElseThrow();
    }
}
