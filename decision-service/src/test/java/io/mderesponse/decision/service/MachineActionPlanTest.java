package io.mderesponse.decision.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.contracts.defender.IsolationType;
import io.mderesponse.contracts.defender.ScanType;
import io.mderesponse.contracts.event.AlertEnriched;
import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.DecisionOutcome;
import io.mderesponse.contracts.event.EventType;
import io.mderesponse.contracts.event.HuntingRowEnriched;
import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.contracts.event.MachineActionType;
import io.mderesponse.contracts.event.RequestIds;
import io.mderesponse.contracts.event.RequestedAction;
import io.mderesponse.contracts.event.ResponseActionRequested;
import io.mderesponse.contracts.event.RuleAction;
import io.mderesponse.contracts.schema.EventSchemas;
import io.mderesponse.contracts.serde.EventJson;
import io.mderesponse.decision.Samples;
import io.mderesponse.decision.service.rules.CelConditions;
import io.mderesponse.decision.service.rules.ParsedRuleFile;
import io.mderesponse.decision.service.rules.RuleFileParser;
import io.mderesponse.decision.service.rules.RuleSet;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A decision's plan: the rule's machine actions in its order, each with a request id derived from alert (or row),
 * rule, kind and file; one request per action, v1 for isolation and {@link ResponseActionRequested} for the others;
 * files to quarantine only from valid SHA-1s of the evidence.
 */
class MachineActionPlanTest {

    private static final String SHA1_A = "A94A8FE5CCB19BA61C4C0873D391E987982FBBD3";
    private static final String SHA1_B = "da39a3ee5e6b4b0d3255bfef95601890afd80709";
    private static final String SHA1_C = "356a192b7913b04c54574d18c28d46e6395428ab";

    private final List<Integer> rejected = new ArrayList<>();
    private final DecisionService service = new DecisionService(() -> rules("""
            rules:
              - id: high-malware
                when: alert.severity == "High"
                isolation: Full
                actions: [isolate, collectInvestigationPackage, notify]
              - id: medium-scan
                when: alert.severity == "Medium"
                actions: [notify, {antivirusScan: {scanType: Quick}}, {stopAndQuarantineFile: {maxFiles: 2}}]
              - id: hunted
                when: row.queryId == "q1"
                actions: [{isolate: {isolationType: Selective}}, stopAndQuarantineFile]
              - id: watch
                when: alert.severity == "Low"
                actions: [{antivirusScan: {scanType: Full}}]
                dryRun: true
            """), rejected::add);

    @Test
    void thePlanFollowsTheRulesOrderAndEachActionHasItsRequest() {
        AlertEnriched event = Samples.enriched(Samples.uniqueAlertId(), "High");

        Decision decision = service.decide(event);

        DecisionMade made = decision.decision();
        assertThat(made.outcome()).isEqualTo(DecisionOutcome.ACTED);
        assertThat(made.actions()).as("v1 values only").containsExactly(RuleAction.ISOLATE, RuleAction.NOTIFY);
        assertThat(made.machineActions()).containsExactly(
                RequestedAction.isolate(RequestIds.forAlert(event.alert().id(), "high-malware",
                        MachineActionKind.ISOLATE, null), IsolationType.Full),
                RequestedAction.of(RequestIds.forAlert(event.alert().id(), "high-malware",
                        MachineActionKind.COLLECT_INVESTIGATION_PACKAGE, null),
                        MachineActionKind.COLLECT_INVESTIGATION_PACKAGE));
        assertThat(decision.requests()).hasSize(2);
        MachineActionRequested isolate = (MachineActionRequested) decision.requests().get(0);
        ResponseActionRequested collect = (ResponseActionRequested) decision.requests().get(1);
        assertThat(isolate.type()).isEqualTo(MachineActionType.Isolate);
        assertThat(isolate.requestId()).as("isolation keeps its id of old")
                .isEqualTo(RequestIds.forAlert(event.alert().id(), "high-malware", MachineActionType.Isolate))
                .isEqualTo(made.plan().get(0).requestId());
        assertThat(isolate.plan()).isEqualTo(made.plan());
        assertThat(collect.requestId()).isEqualTo(made.plan().get(1).requestId());
        assertThat(collect.kind()).isEqualTo(MachineActionKind.COLLECT_INVESTIGATION_PACKAGE);
        assertThat(collect.machineId()).isEqualTo(Samples.MACHINE_ID);
        assertThat(collect.before()).extracting(RequestedAction::kind).containsExactly(MachineActionKind.ISOLATE);
        assertThat(collect.comment()).startsWith("MDE Response: CollectInvestigationPackage for alert "
                + event.alert().id() + " by rule high-malware [request " + collect.requestId() + "]");
        assertThat(EventSchemas.validate(EventType.DECISION_MADE, EventJson.toJson(made))).isEmpty();
        assertThat(EventSchemas.validate(EventType.RESPONSE_ACTION_REQUESTED, EventJson.toJson(collect))).isEmpty();
    }

    @Test
    void aRedeliveredAlertYieldsTheSameRequestIdsForEveryAction() {
        AlertEnriched event = alert("Medium", evidence(SHA1_A));

        List<RequestedAction> first = service.decide(event).decision().plan();
        List<RequestedAction> second = service.decide(event).decision().plan();

        assertThat(second).isEqualTo(first).hasSize(2);
        assertThat(first).extracting(RequestedAction::requestId).doesNotHaveDuplicates();
    }

    @Test
    void filesAreQuarantinedByTheirEvidenceSha1LowercaseOnceEachUpToMaxFiles() {
        AlertEnriched event = alert("Medium", evidence(SHA1_A), evidence(SHA1_A.toLowerCase()), evidence(SHA1_B),
                evidence(SHA1_C), Map.of("entityType", "User", "accountName", "bob"));

        DecisionMade made = service.decide(event).decision();

        List<RequestedAction> files = made.plan().stream()
                .filter(a -> a.kind() == MachineActionKind.STOP_AND_QUARANTINE_FILE).toList();
        assertThat(files).extracting(RequestedAction::sha1).containsExactly(SHA1_A.toLowerCase(), SHA1_B);
        assertThat(files.get(0).fileName()).isEqualTo("evil.exe");
        assertThat(files.get(0).requestId()).isEqualTo(RequestIds.forAlert(event.alert().id(), "medium-scan",
                MachineActionKind.STOP_AND_QUARANTINE_FILE, SHA1_A.toLowerCase()));
        assertThat(made.plan().get(0).scanType()).isEqualTo(ScanType.Quick);
        assertThat(made.reason()).contains("1 more file(s) not quarantined: the rule's maxFiles is 2");
        assertThat(rejected).isEmpty();
    }

    @Test
    void aHostileEvidenceValueIsNeverQuarantinedButNamedSanitisedAndCounted() {
        String path = "C:\\Windows\\evil.exe";
        String injection = SHA1_B + "\r\nX-Injected: 1";
        String command = "cmd /c del /q *";
        AlertEnriched event = alert("Medium", evidence(path), evidence(injection), evidence(command));

        Decision decision = service.decide(event);

        assertThat(decision.decision().plan()).extracting(RequestedAction::kind)
                .containsExactly(MachineActionKind.ANTIVIRUS_SCAN);
        assertThat(decision.requests()).hasSize(1);
        assertThat(decision.decision().reason())
                .contains("3 evidence value(s) that are not a SHA-1 were refused")
                .contains("'C:\\Windows\\evil.'...", "'" + SHA1_B.substring(0, 16) + "'...", "'cmd /c del /q *'")
                .contains("no valid SHA-1 in the evidence")
                .doesNotContain("\r").doesNotContain("\n").doesNotContain("X-Injected");
        assertThat(rejected).containsExactly(3);
    }

    @Test
    void aHuntingRowQuarantinesItsSha1Column() {
        HuntingRowEnriched row = Samples.huntingRow("q1", Samples.machine(Samples.MACHINE_ID),
                Map.of("SHA1", SHA1_A, "FileName", "evil.exe"));

        Decision decision = service.decide(row);

        assertThat(decision.decision().plan()).extracting(RequestedAction::kind)
                .containsExactly(MachineActionKind.ISOLATE, MachineActionKind.STOP_AND_QUARANTINE_FILE);
        assertThat(decision.decision().isolationType()).isEqualTo(IsolationType.Selective);
        assertThat(decision.decision().plan().get(1).requestId()).isEqualTo(RequestIds.forHuntingRow(
                row.row().rowKey(), "hunted", MachineActionKind.STOP_AND_QUARANTINE_FILE, SHA1_A));
        ResponseActionRequested quarantine = (ResponseActionRequested) decision.requests().get(1);
        assertThat(quarantine.sha1()).isEqualTo(SHA1_A.toLowerCase());
        assertThat(quarantine.comment()).contains("StopAndQuarantineFile of file " + SHA1_A.toLowerCase())
                .contains("hunting row " + row.row().rowKey());
    }

    @Test
    void aDryRunRequestsNothing() {
        Decision decision = service.decide(alert("Low"));

        assertThat(decision.decision().outcome()).isEqualTo(DecisionOutcome.DRY_RUN);
        assertThat(decision.decision().plan()).extracting(RequestedAction::kind)
                .containsExactly(MachineActionKind.ANTIVIRUS_SCAN);
        assertThat(decision.requests()).isEmpty();
    }

    @SafeVarargs
    private static AlertEnriched alert(String severity, Map<String, Object>... evidence) {
        return AlertEnriched.of(Samples.alertWith(Samples.uniqueAlertId(), Samples.MACHINE_ID,
                Map.of("severity", severity, "evidence", List.of(evidence))), Samples.machine(Samples.MACHINE_ID));
    }

    private static Map<String, Object> evidence(String sha1) {
        return Map.of("entityType", "File", "sha1", sha1, "fileName", "evil.exe");
    }

    private static RuleSet rules(String file) {
        ParsedRuleFile parsed = new RuleFileParser(new CelConditions()).parse(file.getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.errors()).isEmpty();
        return parsed.ruleSet();
    }
}
