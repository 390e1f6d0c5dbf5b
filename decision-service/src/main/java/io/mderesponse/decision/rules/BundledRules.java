package io.mderesponse.decision.rules;

import io.mderesponse.contracts.defender.IsolationType;
import io.mderesponse.contracts.defender.Severity;
import io.mderesponse.contracts.event.RuleAction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule that applies when {@code rules.path} is unset: the classic "severity High → isolate Full and notify".
 * Medium and below match nothing, so they are neither isolated nor emailed.
 */
public final class BundledRules {

    public static final String ISOLATE_HIGH_ID = "isolate-high";
    /** Changes whenever the bundled rule changes, like a file's content hash does. */
    public static final String VERSION = "bundled-1";

    private BundledRules() {
    }

    public static RuleSet ruleSet() {
        return new RuleSet(VERSION, List.of(new Rule(ISOLATE_HIGH_ID, BundledRules::isHighSeverityAlert,
                List.of(RuleAction.ISOLATE, RuleAction.NOTIFY), IsolationType.Full, List.of(), false)));
    }

    private static Condition.Evaluation isHighSeverityAlert(RuleInput input) {
        if (input.alert() == null) {
            return new Condition.Evaluation(false, Map.of());
        }
        Severity severity = input.alert().severity();
        Map<String, Object> read = new HashMap<>();
        read.put("alert.severity", severity == null ? "null" : severity.name());
        return new Condition.Evaluation(severity == Severity.High, read);
    }
}
