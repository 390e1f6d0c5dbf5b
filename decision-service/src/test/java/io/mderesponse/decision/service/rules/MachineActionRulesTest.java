package io.mderesponse.decision.service.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.contracts.defender.IsolationType;
import io.mderesponse.contracts.defender.ScanType;
import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.contracts.event.RuleAction;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The machine actions a rule names: a plain name or a one-key mapping with parameters, in the order they are carried
 * out; every mistake reported at its rule, line and column.
 */
class MachineActionRulesTest {

    private static final RuleFileParser PARSER = new RuleFileParser(new CelConditions());

    @Test
    void everyKindCanBeNamedWithItsParametersAndTheListOrderIsKept() {
        ParsedRuleFile parsed = parse("""
                rules:
                  - id: high-malware
                    when: alert.severity == "High" && alert.category == "Malware"
                    isolation: Full
                    actions: [isolate, collectInvestigationPackage, notify]
                  - id: medium-scan
                    when: alert.severity == "Medium"
                    actions: [notify, {antivirusScan: {scanType: Quick}}, restrictAppExecution]
                  - id: quarantine
                    when: alert.severity == "Low"
                    actions: [{stopAndQuarantineFile: {maxFiles: 3}}, {isolate: {isolationType: Selective}}]
                  - id: undo
                    when: alert.severity == "Informational"
                    actions: [unisolate, removeAppRestriction, stopAndQuarantineFile, {collectInvestigationPackage: {}}]
                """);

        assertThat(parsed.errors()).isEmpty();
        Rule high = parsed.ruleSet().rules().get(0);
        assertThat(high.machineActions()).extracting(MachineActionSpec::kind)
                .containsExactly(MachineActionKind.ISOLATE, MachineActionKind.COLLECT_INVESTIGATION_PACKAGE);
        assertThat(high.machineActions().get(0).isolationType()).isEqualTo(IsolationType.Full);
        assertThat(high.actions()).containsExactly(RuleAction.ISOLATE, RuleAction.NOTIFY);
        assertThat(high.actionNames()).containsExactly("isolate", "collectInvestigationPackage", "notify");

        Rule medium = parsed.ruleSet().rules().get(1);
        assertThat(medium.machineActions()).containsExactly(MachineActionSpec.antivirusScan(ScanType.Quick),
                MachineActionSpec.of(MachineActionKind.RESTRICT_APP_EXECUTION));
        assertThat(medium.actions()).as("v1 values only").containsExactly(RuleAction.NOTIFY);
        assertThat(medium.isolation()).isNull();

        Rule quarantine = parsed.ruleSet().rules().get(2);
        assertThat(quarantine.machineActions()).containsExactly(MachineActionSpec.stopAndQuarantineFile(3),
                MachineActionSpec.isolate(IsolationType.Selective));
        assertThat(quarantine.isolation()).as("isolate's own isolationType").isEqualTo(IsolationType.Selective);
        assertThat(quarantine.actions()).containsExactly(RuleAction.ISOLATE);

        Rule undo = parsed.ruleSet().rules().get(3);
        assertThat(undo.machineActions()).extracting(MachineActionSpec::kind).containsExactly(
                MachineActionKind.UNISOLATE, MachineActionKind.REMOVE_APP_RESTRICTION,
                MachineActionKind.STOP_AND_QUARANTINE_FILE, MachineActionKind.COLLECT_INVESTIGATION_PACKAGE);
        assertThat(undo.machineActions().get(2).maxFiles()).as("the documented default")
                .isEqualTo(MachineActionSpec.MAX_FILES_DEFAULT).isEqualTo(5);
    }

    @Test
    void aFileOfIsolateAndNotifyLoadsAsBefore() {
        ParsedRuleFile parsed = parse("""
                rules:
                  - id: isolate-high
                    when: alert.severity == "High"
                    actions: [isolate, notify]
                    isolation: Selective
                    notify: [soc@example.com]
                """);

        Rule rule = parsed.ruleSet().rules().get(0);
        assertThat(rule.actions()).containsExactly(RuleAction.ISOLATE, RuleAction.NOTIFY);
        assertThat(rule.isolation()).isEqualTo(IsolationType.Selective);
        assertThat(rule.machineActions()).containsExactly(MachineActionSpec.isolate(IsolationType.Selective));
    }

    /** A file with one mistake in a rule's actions, and the error it must give. */
    record Case(String name, String actions, int line, int column, String message) {

        String file() {
            return """
                    rules:
                      - id: r1
                        when: alert.severity == "High"
                    %s
                    """.formatted(actions);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> mistakes() {
        return Stream.of(
                new Case("an unknown name", "    actions: [{scan: {scanType: Quick}}]", 4, 16,
                        "unknown action 'scan'; the actions are isolate, unisolate, antivirusScan"),
                new Case("a scan without its scan type", "    actions: [antivirusScan, notify]", 4, 15,
                        "antivirusScan needs its scan type"),
                new Case("a scan with empty parameters", "    actions: [{antivirusScan: {}}]", 4, 16,
                        "antivirusScan needs scanType: Quick or Full"),
                new Case("a scan type Defender does not know", "    actions: [{antivirusScan: {scanType: Deep}}]",
                        4, 42, "scanType 'Deep' is not Quick or Full"),
                new Case("an unknown parameter", "    actions: [{collectInvestigationPackage: {timeout: 5}}]", 4, 46,
                        "unknown parameter 'timeout' of collectInvestigationPackage; collectInvestigationPackage "
                                + "takes no parameters"),
                new Case("more files than the cap", "    actions: [{stopAndQuarantineFile: {maxFiles: 21}}]", 4, 50,
                        "maxFiles '21' must be a whole number from 1 to 20"),
                new Case("a kind listed twice", "    actions: [{antivirusScan: {scanType: Quick}}, notify, "
                        + "{antivirusScan: {scanType: Full}}]", 4, 59, "the action antivirusScan is listed twice"),
                new Case("isolate and unisolate together", "    actions: [isolate, unisolate]\n    isolation: Full", 4,
                        24, "isolate and unisolate undo each other"),
                new Case("restriction and its removal together",
                        "    actions: [removeAppRestriction, restrictAppExecution]", 4, 37,
                        "removeAppRestriction and restrictAppExecution undo each other"),
                new Case("notify with parameters", "    actions: [{notify: {to: x}}]", 4, 24,
                        "notify takes no parameters"),
                new Case("two names in one mapping",
                        "    actions: [{antivirusScan: {scanType: Quick}, notify: {}}]", 4, 15,
                        "a mapping of one name to its parameters"),
                new Case("parameters that are not a mapping", "    actions: [{antivirusScan: Quick}]", 4, 31,
                        "the parameters of antivirusScan must be a mapping"),
                new Case("the isolation type given twice",
                        "    actions: [{isolate: {isolationType: Selective}}]\n    isolation: Full", 5, 5,
                        "the isolation type is set twice"),
                new Case("isolate with no isolation type anywhere", "    actions: [notify, isolate]", 4, 5,
                        "needs 'isolation: Full' or 'isolation: Selective'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void aMistakeInTheActionsIsReportedWithItsRuleLineAndColumn(Case row) {
        ParsedRuleFile parsed = parse(row.file());

        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.errors()).anySatisfy(error -> {
            assertThat(error.message()).contains(row.message());
            assertThat(error.ruleId()).isEqualTo("r1");
            assertThat(error.line()).as("line of " + error).isEqualTo(row.line());
            assertThat(error.column()).as("column of " + error).isEqualTo(row.column());
        });
    }

    private static ParsedRuleFile parse(String file) {
        return PARSER.parse(file.getBytes(StandardCharsets.UTF_8));
    }
}
