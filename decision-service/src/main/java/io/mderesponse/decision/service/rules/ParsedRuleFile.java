package io.mderesponse.decision.service.rules;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A rules file, checked: its version (the content hash) and either its rules or every problem found.
 *
 * @param ruleSet null when there are errors
 */
public record ParsedRuleFile(String version, RuleSet ruleSet, List<RuleFileError> errors) {

    public ParsedRuleFile {
        Objects.requireNonNull(version, "version");
        errors = List.copyOf(errors);
        if ((ruleSet == null) == errors.isEmpty()) {
            throw new IllegalArgumentException("A rules file has either rules or errors");
        }
    }

    public boolean valid() {
        return ruleSet != null;
    }

    /** The errors, one per line, for logs and exceptions. */
    public String describeErrors() {
        return errors.stream().map(RuleFileError::toString).collect(Collectors.joining("; "));
    }
}
