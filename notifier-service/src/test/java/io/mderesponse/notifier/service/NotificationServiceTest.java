package io.mderesponse.notifier.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.contracts.defender.IsolationType;
import io.mderesponse.contracts.defender.Severity;
import io.mderesponse.contracts.event.AlertSummary;
import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.DecisionOutcome;
import io.mderesponse.contracts.event.Event;
import io.mderesponse.contracts.event.FinalStatus;
import io.mderesponse.contracts.event.MachineActionCompleted;
import io.mderesponse.contracts.event.MachineActionType;
import io.mderesponse.contracts.event.RuleAction;
import io.mderesponse.notifier.Samples;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class NotificationServiceTest {

    private static final List<String> CONFIGURED = List.of("oncall@example.com", "soc@example.com");

    private final NotificationService service = new NotificationService(CONFIGURED,
            new PortalLinks("https://portal.example.test"));

    @Test
    void aSucceededIsolationYieldsAnEmailWhoseSubjectNamesActionStatusMachineAndTitle() {
        AlertSummary alert = Samples.alert(Samples.uniqueAlertId(), "Suspicious rundll32", Severity.High);

        Notification notification = service.forActionResult(Samples.isolation(alert, FinalStatus.Succeeded, null,
                List.of())).orElseThrow();

        assertThat(notification.subject())
                .isEqualTo("[MDE Response] Isolate Succeeded: ws-042.contoso.com — Suspicious rundll32");
        ActionResultView view = (ActionResultView) notification.view();
        assertThat(view.action()).isEqualTo("Isolate");
        assertThat(view.status()).isEqualTo("Succeeded");
        assertThat(view.succeeded()).isTrue();
        assertThat(view.reason()).isEqualTo(MailText.NONE);
        assertThat(view.alert().alertId()).isEqualTo(alert.alertId());
        assertThat(view.alert().severity()).isEqualTo("High");
        assertThat(view.alert().category()).isEqualTo("Execution");
        assertThat(view.alert().detectionSource()).isEqualTo("WindowsDefenderAtp");
        assertThat(view.alert().machineId()).isEqualTo(Samples.MACHINE_ID);
        assertThat(view.alert().alertUrl()).isEqualTo("https://portal.example.test/alerts/" + alert.alertId());
        assertThat(view.alert().machineUrl()).isEqualTo("https://portal.example.test/machines/" + Samples.MACHINE_ID);
    }

    @Test
    void aFailedActionCarriesItsStatusAndReason() {
        AlertSummary alert = Samples.alert(Samples.uniqueAlertId(), "Suspicious rundll32", Severity.High);

        Notification notification = service.forActionResult(Samples.isolation(alert, FinalStatus.TimeOut,
                "No final status within 10m", List.of())).orElseThrow();

        assertThat(notification.subject()).startsWith("[MDE Response] Isolate TimeOut: ");
        ActionResultView view = (ActionResultView) notification.view();
        assertThat(view.succeeded()).isFalse();
        assertThat(view.reason()).isEqualTo("No final status within 10m");
    }

    @Test
    void theSubjectOfAHostileTitleHasNoLineBreakAndAtMost200Characters() {
        AlertSummary alert = Samples.alert(Samples.uniqueAlertId(), Samples.HOSTILE_TITLE + "x".repeat(500),
                Severity.High);

        String subject = service.forActionResult(Samples.isolation(alert, FinalStatus.Succeeded, null, List.of()))
                .orElseThrow().subject();

        assertThat(subject).doesNotContain("\r", "\n").hasSize(MailText.SUBJECT_MAX).endsWith(MailText.ELLIPSIS);
        assertThat(subject).contains("co Bcc: attacker@evil.test");
    }

    @Test
    void longFieldsAreCutInTheBodyToo() {
        AlertSummary alert = Samples.alert(Samples.uniqueAlertId(), "t".repeat(5_000), Severity.High);

        ActionResultView view = (ActionResultView) service.forActionResult(Samples.isolation(alert,
                FinalStatus.Failed, "r\n".repeat(10_000), List.of())).orElseThrow().view();

        assertThat(view.alert().title()).hasSize(MailText.FIELD_MAX).endsWith(MailText.ELLIPSIS);
        assertThat(view.reason()).hasSize(MailText.REASON_MAX).endsWith(MailText.ELLIPSIS).doesNotContain("\n");
    }

    @Test
    void theRecipientsAreTheEventsThenTheConfiguredOnesWithoutDuplicatesOrInvalidOnes() {
        AlertSummary alert = Samples.alert(Samples.uniqueAlertId(), "t", Severity.High);

        Notification notification = service.forActionResult(Samples.isolation(alert, FinalStatus.Succeeded, null,
                List.of("analyst@example.com", "SOC@example.com", "eve@evil.test\r\nBcc: x@evil.test")))
                .orElseThrow();

        assertThat(notification.recipients())
                .containsExactly("analyst@example.com", "SOC@example.com", "oncall@example.com");
    }

    @Test
    void anEventWithNoRecipientAnywhereIsSkipped() {
        NotificationService withoutConfigured = new NotificationService(List.of(),
                new PortalLinks("https://portal.example.test"));
        AlertSummary alert = Samples.alert(Samples.uniqueAlertId(), "t", Severity.High);

        assertThat(withoutConfigured.forActionResult(Samples.isolation(alert, FinalStatus.Succeeded, null,
                List.of()))).isEmpty();
    }

    @Test
    void anIsolationFromAHuntingRowNamesTheRowAndTheMachineInsteadOfAnAlert() {
        String rowKey = "lateral-tool:0123456789abcdef0123456789abcdef";
        UUID decisionId = UUID.randomUUID();
        MachineActionCompleted hunting = new MachineActionCompleted(UUID.randomUUID(), rowKey, Instant.now(),
                Event.SCHEMA_VERSION, UUID.randomUUID(), decisionId, MachineActionType.Isolate, Samples.MACHINE_ID,
                null, List.of(), null, FinalStatus.Succeeded, null, Instant.now(), Instant.now(),
                null, null, null);

        Notification notification = service.forActionResult(hunting).orElseThrow();

        assertThat(notification.subject()).isEqualTo("[MDE Response] Isolate Succeeded: " + Samples.MACHINE_ID);
        AlertView view = ((ActionResultView) notification.view()).alert();
        assertThat(view.title()).isEqualTo("No alert: hunting row or release " + rowKey);
        assertThat(view.machineName()).isEqualTo(Samples.MACHINE_ID);
        assertThat(view.alertUrl()).isNull();
        assertThat(view.machineUrl()).endsWith("/machines/" + Samples.MACHINE_ID);
    }

    @Test
    void anActionWithoutAlertNamesTheMachineById() {
        UUID releaseId = UUID.randomUUID();
        MachineActionCompleted release = new MachineActionCompleted(UUID.randomUUID(), releaseId.toString(),
                Instant.now(), Event.SCHEMA_VERSION, UUID.randomUUID(), releaseId, MachineActionType.Unisolate,
                Samples.MACHINE_ID, null, List.of(), null, FinalStatus.Succeeded, null, Instant.now(), Instant.now(),
                null, null, null);

        Notification notification = service.forActionResult(release).orElseThrow();

        assertThat(notification.subject()).isEqualTo("[MDE Response] Unisolate Succeeded: " + Samples.MACHINE_ID);
        assertThat(((ActionResultView) notification.view()).alert().title()).contains(releaseId.toString());
        assertThat(((ActionResultView) notification.view()).alert().alertUrl()).isNull();
        assertThat(((ActionResultView) notification.view()).alert().machineUrl()).endsWith("/machines/" + Samples.MACHINE_ID);
    }

    @Test
    void aNotifyOnlyDecisionYieldsAnEmailNamingItsRule() {
        AlertSummary alert = Samples.alert(Samples.uniqueAlertId(), "Suspicious PowerShell", Severity.Medium);

        Notification notification = service.forDecision(Samples.notifyOnly(alert, List.of("analyst@example.com")))
                .orElseThrow();

        assertThat(notification.subject())
                .isEqualTo("[MDE Response] Medium alert: ws-042.contoso.com — Suspicious PowerShell");
        assertThat(notification.recipients())
                .containsExactly("analyst@example.com", "oncall@example.com", "soc@example.com");
        DecisionView view = (DecisionView) notification.view();
        assertThat(view.ruleId()).isEqualTo("notify-medium");
        assertThat(view.actions()).isEqualTo("notify");
    }

    @Test
    void aDecisionThatIsolatesYieldsNoEmailOfItsOwnBecauseItsActionResultWill() {
        AlertSummary alert = Samples.alert(Samples.uniqueAlertId(), "t", Severity.High);

        assertThat(service.forDecision(Samples.isolating(alert, List.of("analyst@example.com")))).isEmpty();
    }

    @Test
    void aDecisionThatMatchedNoRuleYieldsNoEmail() {
        AlertSummary alert = Samples.alert(Samples.uniqueAlertId(), "t", Severity.Medium);

        assertThat(service.forDecision(Samples.noMatch(alert))).isEmpty();
    }

    @Test
    void aNotifyingRuleWithAnotherOutcomeThanActedYieldsNoEmailYet() {
        AlertSummary alert = Samples.alert(Samples.uniqueAlertId(), "t", Severity.Medium);
        DecisionMade dryRun = DecisionMade.forAlert(alert, "notify-medium", "test-1", Map.of(),
                List.of(RuleAction.NOTIFY), null, DecisionOutcome.DRY_RUN, List.of("analyst@example.com"), null);

        assertThat(service.forDecision(dryRun)).isEmpty();
    }

    @Test
    void anIsolationHeldByTheHourlyCapYieldsAnEmailAskingForApproval() {
        AlertSummary alert = Samples.alert(Samples.uniqueAlertId(), "Ransomware behaviour", Severity.High);
        DecisionMade held = DecisionMade.forAlert(alert, "isolate-high", "bundled-1", Map.of(),
                List.of(RuleAction.ISOLATE, RuleAction.NOTIFY), IsolationType.Full, DecisionOutcome.HELD,
                List.of("analyst@example.com"), "The hourly isolation cap is reached");

        Notification notification = service.forDecision(held).orElseThrow();

        assertThat(notification.subject()).contains("Isolation held for approval").contains("Ransomware behaviour");
        assertThat(notification.recipients()).contains("analyst@example.com");
    }

    @Test
    void aNotifyingRuleThatAlsoAsksForMachineActionsIsEmailedFromTheirResultsNotAsNotifyOnly() {
        AlertSummary alert = Samples.alert(Samples.uniqueAlertId(), "t", Severity.Medium);
        DecisionMade scanning = Samples.acting(alert, List.of("analyst@example.com"), "scan-medium",
                List.of(RuleAction.NOTIFY), io.mderesponse.contracts.event.MachineActionKind.ANTIVIRUS_SCAN);

        assertThat(NotificationService.isNotifyOnly(scanning)).isFalse();
        assertThat(service.forDecision(scanning)).isEmpty();
    }

    @Test
    void heldMachineActionsOtherThanIsolationAreNamedInSubjectAndHeading() {
        AlertSummary alert = Samples.alert(Samples.uniqueAlertId(), "Ransomware behaviour", Severity.High);
        DecisionMade acting = Samples.isolatingAndCollecting(alert, List.of());
        DecisionMade held = new DecisionMade(acting.eventId(), acting.correlationId(), acting.occurredAt(),
                acting.schemaVersion(), acting.decisionId(), alert, acting.machineId(), acting.ruleId(),
                acting.rulesetVersion(), acting.inputs(), acting.actions(), acting.isolationType(),
                DecisionOutcome.HELD, null, null, null, List.of(), "The hourly isolation cap is reached",
                acting.machineActions());

        Notification notification = service.forDecision(held).orElseThrow();
        Notification expired = service.forDecision(DecisionMade.settling(held, DecisionOutcome.EXPIRED, null,
                "approval.ttl passed")).orElseThrow();

        assertThat(notification.subject()).startsWith(
                "[MDE Response] Machine actions held for approval (Isolate, CollectInvestigationPackage): ");
        DecisionView view = (DecisionView) notification.view();
        assertThat(view.heading()).contains("Isolate the machine (Full isolation), Collect an investigation package")
                .doesNotContain("An isolation");
        assertThat(view.actions()).isEqualTo("isolate, collectInvestigationPackage, notify");
        assertThat(expired.subject()).startsWith("[MDE Response] Held machine actions expired, none carried out "
                + "(Isolate, CollectInvestigationPackage): ");
        assertThat(((DecisionView) expired.view()).heading()).contains("None was carried out");
    }

    @Test
    void theRuleIdOnAResultIsShownInsteadOfPointingAtTheDecision() {
        AlertSummary alert = Samples.alert(Samples.uniqueAlertId(), "t", Severity.High);
        DecisionMade isolating = Samples.acting(alert, List.of(), "isolate-high",
                List.of(RuleAction.ISOLATE, RuleAction.NOTIFY), io.mderesponse.contracts.event.MachineActionKind.ISOLATE);

        Notification notification = service.forActionResult(Samples.isolationResult(isolating, FinalStatus.Succeeded,
                null)).orElseThrow();

        assertThat(((ActionResultView) notification.view()).rule()).isEqualTo("isolate-high");
    }
}
