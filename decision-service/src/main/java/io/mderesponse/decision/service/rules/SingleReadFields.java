package io.mderesponse.decision.service.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds rules that read alert fields only Defender's single-alert read returns ({@code alert.loggedOnUsers},
 * {@code alert.domains}): enrichment-service builds alerts from the poller's list unless
 * {@code enrichment.read-full-alert=always}, and without it such a rule sees those fields empty.
 */
public final class SingleReadFields {

    /** The alert fields the alerts list does not return, as rules name them. */
    public static final List<String> FIELDS = List.of("alert.loggedOnUsers", "alert.domains");

    private SingleReadFields() {
    }

    /** One warning per rule that reads such a field, naming the rule, the fields and the setting to turn on. */
    public static List<String> warnings(RuleSet rules) {
        List<String> warnings = new ArrayList<>();
        for (Rule rule : rules.rules()) {
            if (!(rule.when() instanceof CelCondition condition)) {
                continue;
            }
            List<String> read = FIELDS.stream().filter(field -> condition.fieldPaths().stream()
                    .anyMatch(path -> path.equals(field) || path.startsWith(field + "."))).toList();
            if (!read.isEmpty()) {
                warnings.add("Rule " + rule.id() + " reads " + String.join(", ", read) + ", which Defender's "
                        + "alerts list does not return: set enrichment.read-full-alert=always "
                        + "(ENRICHMENT_READ_FULL_ALERT) on enrichment-service, or the rule sees them empty");
            }
        }
        return warnings;
    }
}
