package io.mderesponse.contracts.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mderesponse.contracts.Samples;
import io.mderesponse.contracts.defender.DefenderAlert;
import io.mderesponse.contracts.defender.IsolationType;
import io.mderesponse.contracts.defender.Severity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code of}/{@code from} factories fill the common fields and derive what the contract says. */
class EventFactoriesTest {

    private final DefenderAlert alert = Samples.alert();

    @Test
    void aFactoryFillsARandomEventIdTheCurrentTimeAndSchemaVersionOne() {
        AlertDetected first = AlertDetected.from(alert);
        AlertDetected second = AlertDetected.from(alert);

        assertThat(first.eventId()).isNotEqualTo(second.eventId());
        assertThat(first.occurredAt()).isCloseTo(Instant.now(), within(5, ChronoUnit.SECONDS));
        assertThat(first.schemaVersion()).isEqualTo(1);
    }

    @Test
    void anAlertDetectedFromADefenderAlertCarriesItsFieldsAndIsCorrelatedByAlertId() {
        AlertDetected detected = AlertDetected.from(alert);

        assertThat(detected.correlationId()).isEqualTo(alert.id());
        assertThat(detected.alertId()).isEqualTo(alert.id());
        assertThat(detected.machineId()).isEqualTo(alert.machineId());
        assertThat(detected.severity()).isEqualTo(Severity.Low);
        assertThat(detected.title()).isEqualTo(alert.title());
        assertThat(detected.alertCreationTime()).isEqualTo(alert.alertCreationTime());
        assertThat(detected.lastUpdateTime()).isEqualTo(alert.lastUpdateTime());
        assertThat(detected.tenantId()).isEqualTo("a839b112-1253-6432-9bf6-94542403f21c");
    }

    @Test
    void anEventFromAListedAlertCarriesItAsTheSnapshotAndAnIdsOnlyEventCarriesNone() {
        AlertDetected detected = AlertDetected.from(alert);
        AlertSeverityRaised raised = AlertSeverityRaised.from(alert, Severity.Informational);

        assertThat(detected.alert()).isSameAs(alert);
        assertThat(raised.alert()).isSameAs(alert);
        assertThat(detected.withoutAlert().alert()).isNull();
        assertThat(detected.withoutAlert()).usingRecursiveComparison().ignoringFields("alert").isEqualTo(detected);
        assertThat(raised.withoutAlert()).usingRecursiveComparison().ignoringFields("alert").isEqualTo(raised);
        assertThat(AlertDetected.of(alert.id(), null, Severity.High, "t", Instant.now(), Instant.now(), null)
                .alert()).isNull();
    }

    @Test
    void aSeverityRaisedCarriesThePreviousSeverity() {
        DefenderAlert raised = Samples.alert();
        AlertSeverityRaised event = AlertSeverityRaised.from(raised, Severity.Informational);

        assertThat(event.previousSeverity()).isEqualTo(Severity.Informational);
        assertThat(event.severity()).isEqualTo(Severity.Low);
    }

    @Test
    void anAlertEnrichedIsCorrelatedByAlertId() {
        assertThat(AlertEnriched.of(alert, Samples.machine()).correlationId()).isEqualTo(alert.id());
    }

    @Test
    void aHuntingRowEnrichedCarriesTheRowAndItsCorrelationId() {
        HuntingRowFound found = HuntingRowFound.of("q1", Samples.T0, "q1:row-7", Samples.MACHINE_ID,
                Samples.huntingColumns());

        HuntingRowEnriched enriched = HuntingRowEnriched.of(found, Samples.machine());

        assertThat(found.correlationId()).isEqualTo("q1:row-7");
        assertThat(enriched.correlationId()).isEqualTo("q1:row-7");
        assertThat(enriched.row()).isEqualTo(found.huntingRow());
        assertThat(enriched.row().row()).containsExactlyEntriesOf(Samples.huntingColumns());
    }

    @Test
    void aSettlingDecisionCopiesTheHeldOneAndSupersedesIt() {
        DecisionMade held = DecisionMade.forAlert(Samples.summary(), "isolate-high", "v1", Map.of("k", "v"),
                List.of(RuleAction.ISOLATE), IsolationType.Full, DecisionOutcome.HELD, List.of("soc@example.com"),
                "hourly cap reached");

        DecisionMade approved = DecisionMade.settling(held, DecisionOutcome.APPROVED, "lead@example.com", "ok");

        assertThat(approved.supersedes()).isEqualTo(held.decisionId());
        assertThat(approved.decisionId()).isNotEqualTo(held.decisionId());
        assertThat(approved.approvedBy()).isEqualTo("lead@example.com");
        assertThat(approved).usingRecursiveComparison()
                .comparingOnlyFields("correlationId", "alert", "machineId", "ruleId", "rulesetVersion", "inputs",
                        "actions", "isolationType", "recipients")
                .isEqualTo(held);
    }

    @Test
    void aReleaseHasNoAlertAndIsCorrelatedByItsDecisionId() {
        DecisionMade release = DecisionMade.release(Samples.MACHINE_ID, "analyst@example.com", "v1",
                List.of("soc@example.com"), "false positive");

        assertThat(release.alert()).isNull();
        assertThat(release.correlationId()).isEqualTo(release.decisionId().toString());
        assertThat(release.outcome()).isEqualTo(DecisionOutcome.RELEASED);
        assertThat(release.machineId()).isEqualTo(Samples.MACHINE_ID);
    }

    @Test
    void anIsolateRequestTakesItsDetailsFromTheDecision() {
        DecisionMade decision = DecisionMade.forAlert(Samples.summary(), "isolate-high", "v1", Map.of(),
                List.of(RuleAction.ISOLATE, RuleAction.NOTIFY), IsolationType.Selective, DecisionOutcome.ACTED,
                List.of("soc@example.com"), null);

        MachineActionRequested request = MachineActionRequested.of(decision, MachineActionType.Isolate,
                Samples.MACHINE_ID, "Isolated by mde-response");

        assertThat(request.requestId()).isEqualTo(RequestIds.forAlert(Samples.ALERT_ID, "isolate-high",
                MachineActionType.Isolate));
        assertThat(request.isolationType()).isEqualTo(IsolationType.Selective);
        assertThat(request.decisionId()).isEqualTo(decision.decisionId());
        assertThat(request.correlationId()).isEqualTo(Samples.ALERT_ID);
        assertThat(request.alert()).isEqualTo(decision.alert());
        assertThat(request.recipients()).containsExactly("soc@example.com");
    }

    @Test
    void anUnisolateRequestHasNoIsolationType() {
        DecisionMade release = DecisionMade.release(Samples.MACHINE_ID, "analyst@example.com", "v1", List.of(),
                null);

        assertThat(MachineActionRequested.of(release, MachineActionType.Unisolate, Samples.MACHINE_ID, "release")
                .isolationType()).isNull();
    }

    @Test
    void aCompletionEchoesTheRequest() {
        MachineActionRequested request = (MachineActionRequested) Samples.full(EventType.MACHINE_ACTION_REQUESTED);

        MachineActionCompleted completed = MachineActionCompleted.of(request, "5382f7ea-7557-4ab7-9782-d50480024a4e",
                FinalStatus.Succeeded, null, Samples.T0, Samples.T0.plusSeconds(66));

        assertThat(completed).usingRecursiveComparison()
                .comparingOnlyFields("correlationId", "requestId", "decisionId", "type", "machineId", "alert",
                        "recipients")
                .isEqualTo(request);
        assertThat(completed.status().succeeded()).isTrue();
    }

    @Test
    void anAlertSummaryPrefersTheMachinesNameAndGroupOverTheAlertsCopies() {
        AlertSummary summary = AlertSummary.from(alert, Samples.machine());

        assertThat(summary.computerDnsName()).isEqualTo("mymachine1.contoso.com");
        assertThat(summary.rbacGroupName()).isEqualTo("The-A-Team");
        assertThat(summary.category()).isEqualTo("Execution");
        assertThat(summary.detectionSource()).isEqualTo("WindowsDefenderAtp");
    }

    @Test
    void anAlertSummaryWithoutAMachineUsesTheAlertsCopies() {
        AlertSummary summary = AlertSummary.from(alert, null);

        assertThat(summary.machineId()).isEqualTo(alert.machineId());
        assertThat(summary.computerDnsName()).isEqualTo("temp123.middleeast.corp.microsoft.com");
        assertThat(summary.rbacGroupName()).isEqualTo("A");
    }
}
