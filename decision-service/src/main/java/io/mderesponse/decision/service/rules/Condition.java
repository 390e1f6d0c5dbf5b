package io.mderesponse.decision.service.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A rule's {@code when}: tells whether it matches and which fields it read to tell, for the audit trail. */
public interface Condition {

    /**
     * @throws ConditionException when the condition cannot be evaluated on this input (never a silent "no")
     */
    Evaluation evaluate(RuleInput input);

    /** The condition as the operator wrote it (the CEL text), for display. */
    default String expression() {
        return "(built-in condition)";
    }

    /**
     * @param inputs the fields the condition read, by path (e.g. {@code alert.severity}), as it saw them, in the
     *     order the condition names them
     */
    record Evaluation(boolean matched, Map<String, Object> inputs) {

        public Evaluation {
            inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
        }
    }
}
