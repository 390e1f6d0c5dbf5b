package io.mderesponse.decision.service.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.contracts.defender.IsolationType;
import io.mderesponse.contracts.event.RuleAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Reading rules files: every field, and every kind of mistake reported at its line and column. */
class RuleFileParserTest {

    private static final RuleFileParser PARSER = new RuleFileParser(new CelConditions());

    @Test
    void aValidFileGivesItsRulesInOrderAndItsContentHashAsVersion() throws Exception {
        byte[] file = """
                # comments are fine
                rules:
                  - id: isolate-high
                    when: alert.severity == "High" && !("do-not-isolate" in machine.machineTags)
                    actions: [isolate, notify]
                    isolation: Full
                    notify: [soc@example.com, oncall@example.com]
                    dryRun: false
                  - id: try-selective
                    when: |
                      alert.severity == "Medium" &&
                        alert.category == "Ransomware"
                    actions:
                      - isolate
                    isolation: Selective
                    dryRun: true
                  - id: spare-servers
                    when: 'machine.rbacGroupName == "Servers"'
                    actions: []
                """.getBytes(StandardCharsets.UTF_8);

        ParsedRuleFile parsed = PARSER.parse(file);

        assertThat(parsed.errors()).isEmpty();
        assertThat(parsed.version()).isEqualTo(HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(file)));
        assertThat(parsed.ruleSet().version()).isEqualTo(parsed.version());
        assertThat(parsed.ruleSet().rules()).extracting(Rule::id)
                .containsExactly("isolate-high", "try-selective", "spare-servers");
        Rule first = parsed.ruleSet().rules().get(0);
        assertThat(first.actions()).containsExactly(RuleAction.ISOLATE, RuleAction.NOTIFY);
        assertThat(first.isolation()).isEqualTo(IsolationType.Full);
        assertThat(first.recipients()).containsExactly("soc@example.com", "oncall@example.com");
        assertThat(first.dryRun()).isFalse();
        assertThat(first.when().expression())
                .isEqualTo("alert.severity == \"High\" && !(\"do-not-isolate\" in machine.machineTags)");
        Rule second = parsed.ruleSet().rules().get(1);
        assertThat(second.isolation()).isEqualTo(IsolationType.Selective);
        assertThat(second.dryRun()).isTrue();
        assertThat(second.recipients()).isEmpty();
        assertThat(parsed.ruleSet().rules().get(2).actions()).isEmpty();
    }

    @Test
    void theBundledFileIsValidAndIsolatesHighAlerts() {
        ParsedRuleFile bundled = BundledRules.parse(PARSER);

        assertThat(bundled.errors()).isEmpty();
        assertThat(bundled.version()).isEqualTo(BundledRules.VERSION);
        Rule rule = bundled.ruleSet().rules().get(0);
        assertThat(rule.id()).isEqualTo(BundledRules.ISOLATE_HIGH_ID);
        assertThat(rule.when().expression()).isEqualTo("alert.severity == \"High\"");
        assertThat(rule.actions()).containsExactly(RuleAction.ISOLATE, RuleAction.NOTIFY);
        assertThat(rule.isolation()).isEqualTo(IsolationType.Full);
    }

    /** A file with one mistake, and the error it must give. */
    record Case(String name, String file, String ruleId, int line, int column, String message) {

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> mistakes() {
        return Stream.of(
                new Case("an unknown field in a CEL condition (type check)", """
                        rules:
                          - id: isolate-high
                            when: alert.sevrity == "High"
                            actions: [notify]
                        """, "isolate-high", 3, 16, "undefined field 'sevrity'"),
                new Case("a CEL error on the second line of a literal block", """
                        rules:
                          - id: block
                            when: |
                              alert.severity == "High" &&
                                machine.tagz == "x"
                            actions: [notify]
                        """, "block", 5, 16, "undefined field 'tagz'"),
                new Case("a CEL syntax error at the end of a quoted condition", """
                        rules:
                          - id: quoted
                            when: "alert.severity == 'High' &&"
                            actions: [notify]
                        """, "quoted", 3, 39, "mismatched input '<EOF>'"),
                new Case("a condition that is not true or false", """
                        rules:
                          - id: not-bool
                            when: alert.severity
                            actions: [notify]
                        """, "not-bool", 3, 16, "expected type 'bool' but found 'string'"),
                new Case("a YAML syntax error", """
                        rules:
                          - id: a
                            when: alert.severity == "High"
                            actions: [notify
                          - id: b
                        """, null, 5, 7, "not valid YAML"),
                new Case("a misspelt field", """
                        rules:
                          - id: careful
                            when: alert.severity == "High"
                            actions: [isolate]
                            isolation: Full
                            dryrun: true
                        """, "careful", 6, 5, "unknown field 'dryrun'"),
                new Case("isolate without an isolation type", """
                        rules:
                          - id: no-type
                            when: alert.severity == "High"
                            actions: [isolate, notify]
                        """, "no-type", 4, 5, "needs 'isolation: Full' or 'isolation: Selective'"),
                new Case("an isolation type rules may not use", """
                        rules:
                          - id: unmanaged
                            when: alert.severity == "High"
                            actions: [isolate]
                            isolation: UnManagedDevice
                        """, "unmanaged", 5, 16, "isolation 'UnManagedDevice' is not Full or Selective"),
                new Case("an unknown action", """
                        rules:
                          - id: quarantine
                            when: alert.severity == "High"
                            actions: [notify, quarantine]
                        """, "quarantine", 4, 23, "unknown action 'quarantine'"),
                new Case("two rules with one id", """
                        rules:
                          - id: twice
                            when: alert.severity == "High"
                            actions: [notify]
                          - id: twice
                            when: alert.severity == "Medium"
                            actions: [notify]
                        """, "twice", 5, 9, "another rule already has the id twice"),
                new Case("a rule without a condition", """
                        rules:
                          - id: always
                            actions: [notify]
                        """, "always", 2, 5, "has no 'when'"),
                new Case("a rule without an id", """
                        rules:
                          - when: alert.severity == "High"
                            actions: [notify]
                        """, null, 2, 5, "rule 1 has no id"),
                new Case("a recipient that could inject a header", """
                        rules:
                          - id: mail
                            when: alert.severity == "High"
                            actions: [notify]
                            notify: ["Eve <eve@example.com>"]
                        """, "mail", 5, 14, "is not a plain email address"),
                new Case("dryRun that is not true or false", """
                        rules:
                          - id: maybe
                            when: alert.severity == "High"
                            actions: [notify]
                            dryRun: yes
                        """, "maybe", 5, 13, "'dryRun' must be true or false"),
                new Case("rules that are not a list", """
                        rules:
                          id: a
                        """, null, 2, 3, "'rules' must be a list"),
                new Case("an empty file", "", null, 1, 1, "the file is empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    void aMistakeIsReportedWithItsRuleLineAndColumn(Case row) {
        ParsedRuleFile parsed = PARSER.parse(row.file().getBytes(StandardCharsets.UTF_8));

        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.ruleSet()).isNull();
        assertThat(parsed.errors()).anySatisfy(error -> {
            assertThat(error.message()).contains(row.message());
            assertThat(error.ruleId()).isEqualTo(row.ruleId());
            assertThat(error.line()).as("line of " + error).isEqualTo(row.line());
            assertThat(error.column()).as("column of " + error).isEqualTo(row.column());
        });
    }

    @Test
    void everyMistakeOfAFileIsReportedAtOnce() {
        ParsedRuleFile parsed = PARSER.parse("""
                rules:
                  - id: one
                    when: alert.sevrity == "High"
                    actions: [notify]
                  - id: two
                    when: alert.severity == "High"
                    actions: [isolate]
                """.getBytes(StandardCharsets.UTF_8));

        assertThat(parsed.errors()).extracting(RuleFileError::ruleId).containsExactly("one", "two");
        assertThat(parsed.describeErrors()).contains("line 3, column 16 (rule one)").contains("(rule two)");
    }

    @Test
    void anExplicitlyEmptyListOfRulesIsValidAndMatchesNothing() {
        ParsedRuleFile parsed = PARSER.parse("rules: []\n".getBytes(StandardCharsets.UTF_8));

        assertThat(parsed.valid()).isTrue();
        assertThat(parsed.ruleSet().rules()).isEmpty();
    }
}
