package io.mderesponse.decision.service.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mderesponse.contracts.event.AlertEnriched;
import io.mderesponse.decision.Samples;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The first rule in file order that matches decides; later rules that also match are not consulted. */
class FirstMatchOrderTest {

    private static final RuleFileParser PARSER = new RuleFileParser(new CelConditions());

    private static final String FILE = """
            rules:
              - id: spare-servers
                when: machine.rbacGroupName == "Servers"
                actions: []
              - id: isolate-high
                when: alert.severity == "High"
                actions: [isolate, notify]
                isolation: Full
              - id: ransomware-selective
                when: alert.category == "Ransomware"
                actions: [isolate]
                isolation: Selective
              - id: notify-medium
                when: alert.severity == "Medium"
                actions: [notify]
                notify: [soc@example.com]
            """;

    record Case(String name, Map<String, Object> alert, Map<String, Object> machine, String expectedRule) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("an exclusion first wins over a later isolating rule", Map.of("severity", "High"),
                        Map.of("rbacGroupName", "Servers"), "spare-servers"),
                new Case("High on a workstation: the first isolating rule", Map.of("severity", "High",
                        "category", "Ransomware"), Map.of(), "isolate-high"),
                new Case("Medium ransomware: the earlier ransomware rule, not notify-medium",
                        Map.of("severity", "Medium", "category", "Ransomware"), Map.of(), "ransomware-selective"),
                new Case("Medium otherwise: notify-medium", Map.of("severity", "Medium"), Map.of(),
                        "notify-medium"),
                new Case("Low: no rule", Map.of("severity", "Low"), Map.of(), null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theFirstMatchingRuleInFileOrderDecides(Case row) {
        RuleSet rules = parse(FILE);
        AlertEnriched event = AlertEnriched.of(
                Samples.alertWith(Samples.uniqueAlertId(), Samples.MACHINE_ID, row.alert()),
                Samples.machineWith(Samples.MACHINE_ID, row.machine()));

        String matched = rules.firstMatch(RuleInput.of(event)).map(match -> match.rule().id()).orElse(null);

        assertThat(matched).isEqualTo(row.expectedRule());
    }

    @Test
    void reorderingTheSameRulesChangesWhichOneDecides() {
        String reordered = """
                rules:
                  - id: notify-medium
                    when: alert.severity == "Medium"
                    actions: [notify]
                  - id: ransomware-selective
                    when: alert.category == "Ransomware"
                    actions: [isolate]
                    isolation: Selective
                """;
        AlertEnriched event = AlertEnriched.of(Samples.alertWith(Samples.uniqueAlertId(), Samples.MACHINE_ID,
                Map.of("severity", "Medium", "category", "Ransomware")), Samples.machine(Samples.MACHINE_ID));

        assertThat(parse(reordered).firstMatch(RuleInput.of(event)).orElseThrow().rule().id())
                .isEqualTo("notify-medium");
    }

    @Test
    void rulesAfterTheFirstMatchAreNotEvaluated() {
        // The second rule would fail on this event (no such column); the first match stops before it.
        String file = """
                rules:
                  - id: high
                    when: alert.severity == "High"
                    actions: [notify]
                  - id: broken-for-alerts
                    when: row.row.Missing == "x"
                    actions: [notify]
                """;
        RuleSet rules = parse(file);

        assertThat(rules.firstMatch(RuleInput.of(Samples.enriched(Samples.uniqueAlertId(), "High")))
                .orElseThrow().rule().id()).isEqualTo("high");
        assertThatThrownBy(() -> rules.firstMatch(RuleInput.of(Samples.enriched(Samples.uniqueAlertId(), "Medium"))))
                .isInstanceOf(RuleEvaluationException.class)
                .hasMessageContaining("broken-for-alerts")
                .hasMessageContaining(rules.version());
    }

    private static RuleSet parse(String file) {
        ParsedRuleFile parsed = PARSER.parse(file.getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.errors()).isEmpty();
        return parsed.ruleSet();
    }
}
