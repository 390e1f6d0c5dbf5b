package io.mderesponse.decision.service.rules;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Rules in file order and the version that identifies them (a content hash), which every decision records.
 */
public record RuleSet(String version, List<Rule> rules) {

    public RuleSet {
        Objects.requireNonNull(version, "version");
        rules = List.copyOf(rules);
    }

    /**
     * The first rule that matches, with the fields its condition read.
     *
     * @throws RuleEvaluationException when a rule before the first match cannot be evaluated on the input
     */
    public Optional<Match> firstMatch(RuleInput input) {
        for (Rule rule : rules) {
            Condition.Evaluation evaluation;
            try {
                evaluation = rule.when().evaluate(input);
            } catch (ConditionException e) {
                throw new RuleEvaluationException(rule.id(), version, e);
            }
            if (evaluation.matched()) {
                return Optional.of(new Match(rule, evaluation.inputs()));
            }
        }
        return Optional.empty();
    }

    /** A rule that matched and what it read. */
    public record Match(Rule rule, Map<String, Object> inputs) {
    }
}
