package io.mderesponse.decision.service.rules;

/**
 * One problem in a rules file.
 *
 * @param ruleId the rule it is in; null when it is not in a rule, or the rule has no usable id
 * @param line 1-based line in the file
 * @param column 1-based column in the file
 */
public record RuleFileError(String ruleId, int line, int column, String message) {

    @Override
    public String toString() {
        return "line " + line + ", column " + column + (ruleId == null ? "" : " (rule " + ruleId + ")") + ": "
                + message;
    }
}
