package io.mderesponse.decision.service.rules;

/**
 * A rule's condition failed on an event. The event is not decided: guessing "no match" could skip an exclusion
 * placed before an isolating rule, and guessing "match" could isolate a machine for nothing.
 */
public class RuleEvaluationException extends RuntimeException {

    private final String ruleId;

    public RuleEvaluationException(String ruleId, String rulesetVersion, ConditionException cause) {
        super("Rule " + ruleId + " (ruleset " + rulesetVersion + ") could not be evaluated: " + cause.getMessage(),
                cause);
        this.ruleId = ruleId;
    }

    public String ruleId() {
        return ruleId;
    }
}
