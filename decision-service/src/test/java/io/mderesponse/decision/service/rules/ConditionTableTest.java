package io.mderesponse.decision.service.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mderesponse.contracts.defender.DefenderAlert;
import io.mderesponse.contracts.defender.DefenderMachine;
import io.mderesponse.contracts.event.AlertEnriched;
import io.mderesponse.decision.Samples;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Conditions on each kind of field operators write rules about, each with an event it matches and one it does
 * not, and the inputs it records: the fields it names, as it saw them.
 */
class ConditionTableTest {

    private static final CelConditions CEL = new CelConditions();
    private static final String M = Samples.MACHINE_ID;

    /** One row: a condition, an event, whether it matches, and the inputs it must record (at least these). */
    record Case(String name, String when, RuleInput input, boolean matches, Map<String, Object> reads) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                // severity
                row("severity High matches High", "alert.severity == \"High\"", alert(Map.of("severity", "High")),
                        true, "alert.severity", "High"),
                row("severity High does not match Medium", "alert.severity == \"High\"",
                        alert(Map.of("severity", "Medium")), false, "alert.severity", "Medium"),
                row("severity in a list", "alert.severity in [\"High\", \"Medium\"]",
                        alert(Map.of("severity", "Medium")), true, "alert.severity", "Medium"),
                // category
                row("category matches", "alert.category == \"Ransomware\"", alert(Map.of("category", "Ransomware")),
                        true, "alert.category", "Ransomware"),
                row("category differs", "alert.category == \"Ransomware\"", alert(Map.of("category", "Execution")),
                        false, "alert.category", "Execution"),
                row("a missing category reads as empty text", "alert.category == \"\"",
                        alert(nullField("category")), true, "alert.category", ""),
                // detection source
                row("detection source matches", "alert.detectionSource == \"WindowsDefenderAv\"",
                        alert(Map.of("detectionSource", "WindowsDefenderAv")), true, "alert.detectionSource",
                        "WindowsDefenderAv"),
                row("detection source excluded", "alert.detectionSource != \"CustomDetection\"",
                        alert(Map.of("detectionSource", "CustomDetection")), false, "alert.detectionSource",
                        "CustomDetection"),
                // machine tags
                row("tag present", "\"finance\" in machine.machineTags",
                        machine(Map.of("machineTags", List.of("finance", "vip"))), true, "machine.machineTags",
                        List.of("finance", "vip")),
                row("do-not-isolate tag stops a High rule",
                        "alert.severity == \"High\" && !(\"do-not-isolate\" in machine.machineTags)",
                        machine(Map.of("machineTags", List.of("do-not-isolate"))), false, "machine.machineTags",
                        List.of("do-not-isolate")),
                row("tag by prefix", "machine.machineTags.exists(t, t.startsWith(\"site-\"))",
                        machine(Map.of("machineTags", List.of("site-paris"))), true, "machine.machineTags",
                        List.of("site-paris")),
                row("no machine: no tags, empty machine id",
                        "machine.id == \"\" && !(\"finance\" in machine.machineTags)",
                        RuleInput.of(AlertEnriched.of(Samples.alert(Samples.uniqueAlertId(), "High", null), null)),
                        true, "machine.id", ""),
                // RBAC group
                row("machine RBAC group", "machine.rbacGroupName == \"Servers\"",
                        machine(Map.of("rbacGroupName", "Servers")), true, "machine.rbacGroupName", "Servers"),
                row("machine RBAC group not in list", "machine.rbacGroupName in [\"Servers\", \"Domain Controllers\"]",
                        machine(Map.of("rbacGroupName", "Workstations")), false, "machine.rbacGroupName",
                        "Workstations"),
                row("alert RBAC group by prefix", "alert.rbacGroupName.startsWith(\"Work\")",
                        alert(Map.of("rbacGroupName", "Workstations-EU")), true, "alert.rbacGroupName",
                        "Workstations-EU"),
                // evidence
                row("evidence with a file name", "alert.evidence.exists(e, e.fileName == \"rundll32.exe\")",
                        alert(Map.of()), true, "alert.evidence", null),
                row("evidence command line", "alert.evidence.exists(e, e.entityType == \"Process\" "
                        + "&& e.processCommandLine.contains(\"x.dll\"))", alert(Map.of()), true, "alert.evidence",
                        null),
                row("evidence with an IP that is not there",
                        "alert.evidence.exists(e, e.entityType == \"Ip\" && e.ipAddress == \"10.0.0.1\")",
                        alert(Map.of()), false, "alert.evidence", null),
                row("evidence count", "size(alert.evidence) >= 2", alert(Map.of()), false, "alert.evidence", null),
                // other kinds of fields
                row("title, ignoring case", "alert.title.lowerAscii().contains(\"rundll32\")", alert(Map.of()),
                        true, "alert.title", "Suspicious rundll32 <script>"),
                row("creation time", "alert.alertCreationTime > timestamp(\"2026-01-01T00:00:00Z\")",
                        alert(Map.of()), true, "alert.alertCreationTime", "2026-11-27T10:00:00.123456700Z"),
                row("an alert rule never matches a hunting row", "alert.severity == \"High\"",
                        hunting(Map.of("RemoteIP", "10.1.1.1")), false, "alert.severity", ""),
                row("hunting row columns", "row.queryId == \"beaconing\" && row.row.RemoteIP == \"10.1.1.1\"",
                        hunting(Map.of("RemoteIP", "10.1.1.1")), true, "row.row.RemoteIP", "10.1.1.1"),
                row("hunting column by index, guarded with has",
                        "has(row.row.Port) && row.row[\"Port\"] == 443", hunting(Map.of("Port", 443)), true,
                        "row.row.Port", 443L));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aConditionMatchesOrNotAndRecordsTheFieldsItRead(Case row) {
        CelConditions.Compiled compiled = CEL.compile(row.when());
        assertThat(compiled.issues()).isEmpty();

        Condition.Evaluation evaluation = compiled.condition().evaluate(row.input());

        assertThat(evaluation.matched()).isEqualTo(row.matches());
        row.reads().forEach((path, value) -> {
            assertThat(evaluation.inputs()).containsKey(path);
            if (value != null) {
                assertThat(evaluation.inputs().get(path)).isEqualTo(value);
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theInputsAreExactlyTheFieldsTheConditionNames(Case row) {
        CelCondition condition = CEL.compile(row.when()).condition();

        assertThat(condition.evaluate(row.input()).inputs().keySet())
                .containsExactlyElementsOf(condition.fieldPaths().stream()
                        .filter(path -> !path.startsWith("row.row.") || row.input().row() != null)
                        .toList());
    }

    @org.junit.jupiter.api.Test
    void evidenceIsRecordedAsTheConditionSawIt() {
        Condition.Evaluation evaluation = CEL.compile("alert.evidence.exists(e, e.fileName == \"rundll32.exe\")")
                .condition().evaluate(alert(Map.of()));

        assertThat(evaluation.inputs().get("alert.evidence")).asList().hasSize(1).first()
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("fileName", "rundll32.exe").containsEntry("entityType", "Process");
    }

    @org.junit.jupiter.api.Test
    void aMissingHuntingColumnIsAnErrorNotASilentNo() {
        CelCondition condition = CEL.compile("row.row.NoSuchColumn == \"x\"").condition();

        assertThatThrownBy(() -> condition.evaluate(hunting(Map.of("RemoteIP", "10.1.1.1"))))
                .isInstanceOf(ConditionException.class).hasMessageContaining("NoSuchColumn");
    }

    private static Case row(String name, String when, RuleInput input, boolean matches, String path, Object value) {
        Map<String, Object> reads = new LinkedHashMap<>();
        reads.put(path, value);
        return new Case(name, when, input, matches, reads);
    }

    private static RuleInput alert(Map<String, Object> changes) {
        DefenderAlert alert = Samples.alertWith(Samples.uniqueAlertId(), M, changes);
        return RuleInput.of(AlertEnriched.of(alert, Samples.machine(M)));
    }

    private static RuleInput machine(Map<String, Object> changes) {
        DefenderMachine machine = Samples.machineWith(M, changes);
        return RuleInput.of(AlertEnriched.of(Samples.alertWith(Samples.uniqueAlertId(), M, Map.of()), machine));
    }

    private static RuleInput hunting(Map<String, Object> columns) {
        return RuleInput.of(Samples.huntingRow("beaconing", Samples.machine(M), columns));
    }

    private static Map<String, Object> nullField(String field) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put(field, null);
        return changes;
    }
}
