package io.mderesponse.notifier.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.contracts.defender.Severity;
import io.mderesponse.contracts.event.AlertSummary;
import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.FinalStatus;
import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.notifier.Samples;
import io.mderesponse.notifier.state.SentEntry;
import io.mderesponse.notifier.state.SentLogStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A decision's results become one email: kept until the plan's last result, then sent by exactly one record,
 * whichever order, replica or restart they meet.
 */
class ResultEmailsTest {

    private static final Instant T0 = Instant.parse("2026-12-08T10:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(10);

    /** One sent-log shared by replicas, each reading it with a cursor of its own; writes may be raced. */
    static final class SharedLog {
        final List<Map.Entry<String, SentEntry>> records = new ArrayList<>();
        /** Runs once, just before the next write lands: another replica's work that races it. */
        Runnable beforeNextWrite;

        /** A replica's (or a restarted service's) view: reads from the beginning. */
        SentLogStore replica() {
            return new SentLogStore() {
                private int read;

                @Override
                public long write(String key, SentEntry entry) {
                    Runnable race = beforeNextWrite;
                    beforeNextWrite = null;
                    if (race != null) {
                        race.run();
                    }
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
            };
        }

        long keysOf(SentEntry.State state) {
            return records.stream().filter(r -> r.getKey().startsWith(state.name() + "|")).count();
        }
    }

    private final NotificationService service = new NotificationService(List.of("soc@example.test"),
            new PortalLinks("https://portal.example.test"));
    private final SharedLog log = new SharedLog();
    private final AlertSummary alert = Samples.alert(Samples.uniqueAlertId(), "Ransomware", Severity.High);
    private final DecisionMade decision = Samples.isolatingAndCollecting(alert, List.of());
    private final ActionResult isolated = ActionResult.of(Samples.isolationResult(decision, FinalStatus.Succeeded,
            null));
    private final ActionResult collected = ActionResult.of(Samples.responseResult(decision,
            MachineActionKind.COLLECT_INVESTIGATION_PACKAGE, FinalStatus.Failed, "Package too large"));

    @Test
    void theFirstResultOfATwoActionPlanSendsNothingAndTheLastSendsOneEmailListingBothInPlanOrder() {
        ResultEmails emails = replica();

        assertThat(emails.forResult(collected)).isEmpty();
        Notification mail = emails.forResult(isolated).orElseThrow();

        assertThat(mail.kind()).isEqualTo(NotificationKind.ACTIONS);
        assertThat(mail.correlationId()).isEqualTo(decision.decisionId().toString());
        assertThat(mail.eventId()).isEqualTo(NotificationService.actionsEmailId(decision.decisionId()));
        assertThat(mail.subject()).isEqualTo("[MDE Response] Isolate Succeeded, CollectInvestigationPackage Failed: "
                + "ws-042.contoso.com — Ransomware");
        PlanResultView view = (PlanResultView) mail.view();
        assertThat(view.ruleId()).isEqualTo("isolate-and-collect-high");
        assertThat(view.actions()).extracting(PlanResultView.ActionRow::type, PlanResultView.ActionRow::status,
                PlanResultView.ActionRow::parameters, PlanResultView.ActionRow::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Isolate", "Succeeded", "Full isolation", MailText.NONE),
                        org.assertj.core.groups.Tuple.tuple("CollectInvestigationPackage", "Failed", MailText.NONE,
                                "Package too large"));
    }

    @Test
    void theOrderOfArrivalDoesNotChangeTheEmail() {
        Notification collectedLast = emailOnceBothArrived(replica(), isolated, collected);
        Notification isolatedLast = emailOnceBothArrived(new ResultEmails(service, ledger(new SharedLog().replica()),
                clock()), collected, isolated);

        assertThat(collectedLast.subject()).isEqualTo(isolatedLast.subject());
        assertThat(collectedLast.view()).isEqualTo(isolatedLast.view());
    }

    @Test
    void aRedeliveredResultWritesNothingAndOnlyTheRecordThatSentTheEmailOffersItAgainWhichTheSentLogSkips() {
        NotificationLedger ledger = ledger(log.replica());
        ResultEmails emails = new ResultEmails(service, ledger, clock());
        emails.forResult(isolated);
        Notification mail = emails.forResult(collected).orElseThrow();
        ledger.sent((NotificationLedger.Send) ledger.plan(mail, T0), T0);
        int written = log.records.size();

        assertThat(emails.forResult(isolated)).as("the other result, redelivered").isEmpty();
        Optional<Notification> again = emails.forResult(collected);

        assertThat(again).as("the sending record, redelivered (its send may have failed)").isPresent();
        assertThat(ledger.plan(again.get(), T0)).isInstanceOf(NotificationLedger.Skip.class);
        assertThat(log.records).hasSize(written);
    }

    @Test
    void aRestartBetweenTheTwoResultsStillSendsExactlyOneEmail() {
        assertThat(replica().forResult(isolated)).isEmpty();

        ResultEmails restarted = replica();
        assertThat(restarted.forResult(collected)).isPresent();
        assertThat(restarted.forResult(isolated)).isEmpty();
        assertThat(log.keysOf(SentEntry.State.RESULT)).isEqualTo(2);
        assertThat(log.keysOf(SentEntry.State.CLAIM)).isEqualTo(1);
    }

    @Test
    void twoReplicasThatBothFindThePlanCompleteAndBothClaimSendOneEmailTheFirstClaimsRecord() {
        NotificationLedger a = ledger(log.replica());
        NotificationLedger b = ledger(log.replica());
        a.recordResult(isolated.eventId(), decision.decisionId(), isolated.outcome(), T0);
        b.recordResult(collected.eventId(), decision.decisionId(), collected.outcome(), T0);
        AtomicReference<Boolean> bWon = new AtomicReference<>();

        // b's claim lands between a's check (no claim yet) and a's own claim.
        log.beforeNextWrite = () -> bWon.set(b.claimPlanEmail(decision.decisionId(), collected.outcome(), T0));
        boolean aWon = a.claimPlanEmail(decision.decisionId(), isolated.outcome(), T0);

        assertThat(log.keysOf(SentEntry.State.CLAIM)).isEqualTo(2);
        assertThat(bWon.get()).isTrue();
        assertThat(aWon).isFalse();
        NotificationLedger restarted = ledger(log.replica());
        assertThat(restarted.claimPlanEmail(decision.decisionId(), collected.outcome(), T0)).isTrue();
        assertThat(restarted.claimPlanEmail(decision.decisionId(), isolated.outcome(), T0)).isFalse();
        assertThat(log.keysOf(SentEntry.State.CLAIM)).as("no claim once one is known").isEqualTo(2);
    }

    @Test
    void aResultWrittenBeforePlansTravelledIsEmailedAtOnceAsBefore() {
        Notification mail = replica().forResult(ActionResult.of(Samples.isolation(alert, FinalStatus.Succeeded, null,
                List.of()))).orElseThrow();

        assertThat(mail.kind()).isEqualTo(NotificationKind.ISOLATE);
        assertThat(mail.view()).isInstanceOf(ActionResultView.class);
        assertThat(log.records).isEmpty();
    }

    @Test
    void aResultOfAOneActionPlanIsEmailedAtOnceWithItsParameters() {
        DecisionMade scanning = Samples.acting(alert, List.of(), "scan-medium",
                List.of(io.mderesponse.contracts.event.RuleAction.NOTIFY), MachineActionKind.ANTIVIRUS_SCAN);

        Notification mail = replica().forResult(ActionResult.of(Samples.responseResult(scanning,
                MachineActionKind.ANTIVIRUS_SCAN, FinalStatus.AlreadyPending, "Action is already in progress")))
                .orElseThrow();

        assertThat(mail.subject()).startsWith("[MDE Response] RunAntiVirusScan AlreadyPending: ");
        assertThat(((PlanResultView) mail.view()).actions()).singleElement().satisfies(row -> {
            assertThat(row.parameters()).isEqualTo("Quick scan");
            assertThat(row.reason()).isEqualTo("Action is already in progress");
        });
        assertThat(log.records).isEmpty();
    }

    @Test
    void aQuarantinedFileIsNamedByItsNameAndHashOnOneLine() {
        DecisionMade quarantining = Samples.scanningAndQuarantining(alert, List.of());
        ResultEmails emails = replica();
        emails.forResult(ActionResult.of(Samples.responseResult(quarantining, MachineActionKind.ANTIVIRUS_SCAN,
                FinalStatus.Succeeded, null)));

        Notification mail = emails.forResult(ActionResult.of(Samples.responseResult(quarantining,
                MachineActionKind.STOP_AND_QUARANTINE_FILE, FinalStatus.Rejected,
                "403: missing Machine.StopAndQuarantine\r\nBcc: x@evil.test"))).orElseThrow();

        PlanResultView.ActionRow row = ((PlanResultView) mail.view()).actions().get(1);
        assertThat(row.action()).isEqualTo("Stop and quarantine a file");
        assertThat(row.parameters()).isEqualTo("File <img src=x onerror=alert(1)>inv\"oice\".exe Bcc: x@evil.test, "
                + "SHA-1 " + Samples.SHA1);
        assertThat(row.reason()).isEqualTo("403: missing Machine.StopAndQuarantine Bcc: x@evil.test");
    }

    private Notification emailOnceBothArrived(ResultEmails emails, ActionResult first, ActionResult last) {
        assertThat(emails.forResult(first)).isEmpty();
        return emails.forResult(last).orElseThrow();
    }

    private ResultEmails replica() {
        return new ResultEmails(service, ledger(log.replica()), clock());
    }

    private static NotificationLedger ledger(SentLogStore store) {
        NotificationLedger ledger = new NotificationLedger(store, 100, WINDOW);
        ledger.catchUp();
        return ledger;
    }

    private static Clock clock() {
        return Clock.fixed(T0, ZoneOffset.UTC);
    }

}
