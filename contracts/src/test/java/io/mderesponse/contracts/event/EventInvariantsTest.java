package io.mderesponse.contracts.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mderesponse.contracts.Samples;
import io.mderesponse.contracts.defender.ScanType;
import io.mderesponse.contracts.defender.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Rules the records enforce beyond "required": ids, rules across fields, immutability. */
class EventInvariantsTest {

    @Test
    void anEventWithAnInvalidAlertIdIsRefusedNamingTheField() {
        assertThatThrownBy(() -> AlertDetected.of("a/b", null, Severity.High, "t", Instant.now(), Instant.now(),
                null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("AlertDetected.alertId: Invalid alert id");
    }

    @Test
    void anEventWithAnInvalidMachineIdIsRefusedNamingTheField() {
        assertThatThrownBy(() -> AlertDetected.of("a", "MYMACHINE", Severity.High, "t", Instant.now(),
                Instant.now(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("AlertDetected.machineId: Invalid machine id");
    }

    @Test
    void aSnapshotOfAnotherAlertIsRefused() {
        AlertDetected detected = AlertDetected.from(Samples.alert());

        assertThatThrownBy(() -> new AlertDetected(detected.eventId(), "other", detected.occurredAt(), 1, "other",
                null, Severity.High, "t", Instant.now(), Instant.now(), null, Samples.alert()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("AlertDetected.alert.id");
    }

    @Test
    void anEmptyCorrelationIdIsRefused() {
        assertThatThrownBy(() -> new HuntingRowFound(UUID.randomUUID(), "", Instant.now(), 1, "q", Instant.now(),
                "k", null, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("HuntingRowFound.correlationId must not be empty");
    }

    @Test
    void aSchemaVersionBelowOneIsRefused() {
        assertThatThrownBy(() -> new HuntingRowFound(UUID.randomUUID(), "k", Instant.now(), 0, "q", Instant.now(),
                "k", null, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schemaVersion");
    }

    @Test
    void aSeverityRaisedMustRaiseTheSeverity() {
        assertThatThrownBy(() -> AlertSeverityRaised.of("a", null, Severity.Medium, "t", Instant.now(),
                Instant.now(), null, Severity.High))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not higher than previousSeverity High");
    }

    @Test
    void aDecisionToIsolateNeedsAnIsolationType() {
        assertThatThrownBy(() -> DecisionMade.forAlert(Samples.summary(), "r", "v1", Map.of(),
                List.of(RuleAction.ISOLATE), null, DecisionOutcome.ACTED, List.of(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("isolationType is required");
    }

    @Test
    void aDecisionSettlingAHoldMustNameIt() {
        for (DecisionOutcome outcome : List.of(DecisionOutcome.APPROVED, DecisionOutcome.DENIED,
                DecisionOutcome.EXPIRED)) {
            assertThatThrownBy(() -> DecisionMade.forAlert(Samples.summary(), "r", "v1", Map.of(), List.of(), null,
                    outcome, List.of(), null))
                    .as(outcome.name())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("supersedes is required");
        }
    }

    @Test
    void aReleaseMustSayWhoAskedAndForWhichMachine() {
        assertThatThrownBy(() -> DecisionMade.release(Samples.MACHINE_ID, null, "v1", List.of(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("requestedBy");
        assertThatThrownBy(() -> DecisionMade.release(null, "analyst", "v1", List.of(), null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("machineId");
    }

    @Test
    void anIsolateRequestNeedsAnIsolationType() {
        assertThatThrownBy(() -> new MachineActionRequested(UUID.randomUUID(), "a", Instant.now(), 1,
                UUID.randomUUID(), MachineActionType.Isolate, Samples.MACHINE_ID, null, "c", UUID.randomUUID(),
                null, List.of(), null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("isolationType is required for Isolate");
    }

    @Test
    void aQuarantineRequestRefusesAValueThatIsNotASha1SoNoHostileEvidenceReachesDefender() {
        RequestedAction hostile = new RequestedAction(UUID.randomUUID(), MachineActionKind.ANTIVIRUS_SCAN, null,
                ScanType.Quick, null, null);
        assertThatThrownBy(() -> RequestedAction.stopAndQuarantineFile(UUID.randomUUID(),
                "C:\\Windows\\evil.exe\r\nBcc: x@example.com", "evil.exe"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("RequestedAction.sha1: Invalid SHA-1");
        assertThatThrownBy(() -> new ResponseActionRequested(UUID.randomUUID(), "a", Instant.now(), 1,
                UUID.randomUUID(), MachineActionKind.STOP_AND_QUARANTINE_FILE, Samples.MACHINE_ID, null,
                "87662bc3d60e4200ceaf7aae249d1c343f4b83c9; rm -rf", null, "c", UUID.randomUUID(), "r",
                List.of(hostile), null, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ResponseActionRequested.sha1");
    }

    @Test
    void aScanNeedsAScanTypeAndIsolationNeverTravelsAsAResponseAction() {
        assertThatThrownBy(() -> RequestedAction.of(UUID.randomUUID(), MachineActionKind.ANTIVIRUS_SCAN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scanType is required for antivirusScan");
        assertThatThrownBy(() -> new ResponseActionRequested(UUID.randomUUID(), "a", Instant.now(), 1,
                UUID.randomUUID(), MachineActionKind.ISOLATE, Samples.MACHINE_ID, null, null, null, "c",
                UUID.randomUUID(), "r", List.of(), null, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("travels as MachineActionRequested");
    }

    @Test
    void aV1RequestsKindMustAgreeWithItsType() {
        assertThatThrownBy(() -> new MachineActionRequested(UUID.randomUUID(), "a", Instant.now(), 1,
                UUID.randomUUID(), MachineActionType.Unisolate, Samples.MACHINE_ID, null, "c", UUID.randomUUID(),
                null, List.of(), null, MachineActionKind.ISOLATE, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not match its type Unisolate");
    }

    @Test
    void listsAndMapsAreCopiedSoTheCallerCannotChangeAnEventLater() {
        List<String> recipients = new ArrayList<>(List.of("soc@example.com"));
        DecisionMade decision = DecisionMade.release(Samples.MACHINE_ID, "analyst", "v1", recipients, null);

        recipients.add("attacker@example.com");

        assertThat(decision.recipients()).containsExactly("soc@example.com");
        assertThatThrownBy(() -> decision.recipients().add("x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aHuntingRowKeepsNullColumnsAndColumnOrder() {
        HuntingRow row = Samples.huntingRow();

        assertThat(row.row()).containsKey("InitiatingProcessParent");
        assertThat(row.row().keySet()).containsExactlyElementsOf(Samples.huntingColumns().keySet());
    }
}
