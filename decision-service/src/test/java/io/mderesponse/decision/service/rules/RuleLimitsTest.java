package io.mderesponse.decision.service.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mderesponse.decision.Samples;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The limits of a rule's condition: what would exhaust the service is refused when the file is read, with the
 * rule and the place, and what runs past its budget anyway fails as an evaluation error. The rules the README and
 * deploy/ ship stay within them (ReadmeExamplesTest and DeployedRulesTest parse them with the same defaults).
 */
class RuleLimitsTest {

    private static final RuleFileParser PARSER = new RuleFileParser(new CelConditions());

    @Test
    void aChainOfReplaceIsRefusedAtTheRuleAndItsCondition() {
        ParsedRuleFile parsed = PARSER.parse(CostlyConditions.rulesFile("blow-up", CostlyConditions.REPLACE_CHAIN));

        assertThat(parsed.valid()).isFalse();
        assertThat(parsed.errors()).singleElement().satisfies(error -> {
            assertThat(error.ruleId()).isEqualTo("blow-up");
            assertThat(error.line()).isEqualTo(CostlyConditions.WHEN_LINE);
            assertThat(error.column()).isEqualTo(CostlyConditions.WHEN_COLUMN);
            assertThat(error.message()).contains("more than the 1000000 allowed (rules.max-cost)");
        });
    }

    @Test
    void oneReplaceOfAKnownPatternIsCheapEnough() {
        assertThat(PARSER.parse(CostlyConditions.rulesFile("one-replace",
                "alert.title.replace(\"-\", \" \").contains(\"mimi katz\")")).errors()).isEmpty();
    }

    @Test
    void nestedLoopsAreRefused() {
        ParsedRuleFile parsed = PARSER.parse(CostlyConditions.rulesFile("loops", CostlyConditions.NESTED_LOOPS));

        assertThat(parsed.errors()).singleElement().satisfies(error -> {
            assertThat(error.ruleId()).isEqualTo("loops");
            assertThat(error.line()).isEqualTo(CostlyConditions.WHEN_LINE);
            assertThat(error.message()).contains("rules.max-cost");
        });
    }

    @Test
    void oneLoopOverAnEventListPassesButTwoNestedOnesComparingTextsAreRefused() {
        assertThat(PARSER.parse(CostlyConditions.rulesFile("one-loop",
                "alert.evidence.exists(e, e.fileName == \"vssadmin.exe\" && \"x\" in machine.machineTags)"))
                .errors()).isEmpty();
        // 256 x 256 comparisons of texts assumed 4,096 characters long: about 27 million.
        assertThat(PARSER.parse(CostlyConditions.rulesFile("two-loops",
                "alert.evidence.exists(a, machine.machineTags.exists(t, a.fileName == t))")).errors())
                .singleElement().satisfies(error -> assertThat(error.message()).contains("rules.max-cost"));
    }

    @Test
    void loopsNestedTwentyDeepAreJudgedAtOnce() {
        // The estimator visits each loop's body once: visiting it twice per level made it exponential in the depth
        // (a run up to 30 levels had not ended after ten minutes).
        for (int depth = 1; depth <= 20; depth++) {
            String nested = "[1].all(v, ".repeat(depth) + "true" + ")".repeat(depth);
            long started = System.nanoTime();

            PARSER.parse(CostlyConditions.rulesFile("nested-" + depth, nested));

            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("depth " + depth)
                    .isLessThan(Duration.ofSeconds(1));
        }
    }

    @Test
    void aRegularExpressionOfNestedRepetitionsIsRefusedAnOrdinaryOnePasses() {
        assertThat(PARSER.parse(CostlyConditions.rulesFile("ip-like",
                "alert.title.matches(\"\\\\d{1,3}\\\\.\\\\d{1,3}\")")).errors()).isEmpty();
        assertThat(PARSER.parse(CostlyConditions.rulesFile("nested-repeats",
                "alert.title.matches(\"((a{100}){100}){100}\")")).errors()).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("rules.max-cost"));
        assertThat(PARSER.parse(CostlyConditions.rulesFile("computed-pattern",
                "alert.title.matches(alert.description)")).errors()).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("rules.max-cost"));
    }

    @Test
    void aHugeListIsRefusedWhereItPassesTheNodeLimit() {
        ParsedRuleFile parsed = PARSER.parse(CostlyConditions.rulesFile("huge", CostlyConditions.HUGE_LIST));

        assertThat(parsed.errors()).isNotEmpty().allSatisfy(error -> {
            assertThat(error.ruleId()).isEqualTo("huge");
            assertThat(error.line()).isEqualTo(CostlyConditions.WHEN_LINE);
            assertThat(error.column()).isGreaterThan(CostlyConditions.WHEN_COLUMN);
        });
        assertThat(parsed.errors()).singleElement().satisfies(error -> assertThat(error.message())
                .contains("more than 1000 terms").contains("rules.max-expression-nodes"));
    }

    @Test
    void nodesThatMacrosAddCountTowardsTheNodeLimitToo() {
        // Ten terms as written, but exists expands into a loop of some twenty nodes.
        RuleFileParser strict = new RuleFileParser(new CelConditions(new RuleLimits(1_000_000, 10_000, 15, 32)));

        assertThat(strict.parse(CostlyConditions.rulesFile("macro",
                "alert.evidence.exists(e, e.fileName == \"a\" || e.fileName == \"b\")")).errors()).singleElement()
                .satisfies(error -> {
                    assertThat(error.ruleId()).isEqualTo("macro");
                    assertThat(error.message()).contains("node limit (15)");
                });
    }

    @Test
    void aTooLongConditionIsRefused() {
        String longCondition = "alert.title == \"" + "x".repeat(10_000) + "\"";

        assertThat(PARSER.parse(CostlyConditions.rulesFile("long", longCondition)).errors()).singleElement()
                .satisfies(error -> {
                    assertThat(error.ruleId()).isEqualTo("long");
                    assertThat(error.message()).contains("10000");
                });
    }

    @Test
    void tooDeepANestingIsRefused() {
        String deep = "(".repeat(40) + "alert.title == \"x\"" + ")".repeat(40);

        assertThat(PARSER.parse(CostlyConditions.rulesFile("deep", deep)).errors()).isNotEmpty()
                .allSatisfy(error -> assertThat(error.ruleId()).isEqualTo("deep"))
                .anySatisfy(error -> assertThat(error.message()).contains("recursion limit"));
    }

    @Test
    void lowerLimitsComeFromTheSettings() {
        RuleFileParser strict = new RuleFileParser(new CelConditions(new RuleLimits(1_000_000, 40, 1_000, 32)));

        assertThat(strict.parse(CostlyConditions.rulesFile("short", "alert.severity == \"High\"")).errors())
                .isEmpty();
        assertThat(strict.parse(CostlyConditions.rulesFile("long", "alert.severity == \"High\" && "
                + "alert.category == \"Ransomware\"")).errors()).singleElement()
                .satisfies(error -> assertThat(error.message()).contains("40"));
    }

    @Test
    void anEvaluationPastItsBudgetFailsEvenWhereTheOtherSideWouldDecide() {
        // Estimated on a 4 KiB title (about 4,500), it passes; on this event's 100,000-character title it
        // produces 100,000 characters, past the budget. "|| true" would absorb an ordinary error.
        CelConditions conditions = new CelConditions(new RuleLimits(50_000, 10_000, 1_000, 32));
        CelConditions.Compiled compiled = conditions.compile("alert.title.lowerAscii() == \"x\" || true");
        assertThat(compiled.issues()).isEmpty();
        RuleInput longTitle = RuleInput.of(Samples.alertWith(Samples.uniqueAlertId(), Samples.MACHINE_ID,
                Map.of("title", "A".repeat(100_000))), null, Samples.machine(Samples.MACHINE_ID));
        RuleInput shortTitle = RuleInput.of(Samples.alertWith(Samples.uniqueAlertId(), Samples.MACHINE_ID,
                Map.of("title", "A".repeat(1_000))), null, Samples.machine(Samples.MACHINE_ID));

        assertThatThrownBy(() -> compiled.condition().evaluate(longTitle))
                .isInstanceOf(ConditionException.class)
                .hasMessageContaining("cost more than 50000 (rules.max-cost)");
        assertThat(compiled.condition().evaluate(shortTitle).matched()).isTrue();
    }

    @Test
    void aRuleStoppedByItsBudgetIsARuleEvaluationErrorOfThatRule() {
        RuleFileParser parser = new RuleFileParser(new CelConditions(new RuleLimits(50_000, 10_000, 1_000, 32)));
        RuleSet rules = parser.parse("""
                rules:
                  - id: shouting-title
                    when: alert.title.lowerAscii().contains("mimikatz")
                    actions: [notify]
                """.getBytes(StandardCharsets.UTF_8)).ruleSet();
        RuleInput longTitle = RuleInput.of(Samples.alertWith(Samples.uniqueAlertId(), Samples.MACHINE_ID,
                Map.of("title", "A".repeat(100_000))), null, Samples.machine(Samples.MACHINE_ID));

        assertThatThrownBy(() -> rules.firstMatch(longTitle))
                .isInstanceOf(RuleEvaluationException.class)
                .satisfies(e -> assertThat(((RuleEvaluationException) e).ruleId()).isEqualTo("shouting-title"))
                .hasMessageContaining("rules.max-cost");
    }
}
