package io.mderesponse.decision.rules;

import java.util.Map;

/** A rule's {@code when}: tells whether it matches and which fields it read to tell, for the audit trail. */
public interface Condition {

    Evaluation evaluate(RuleInput input);

    /**
     * @param inputs the fields the condition read, by path (e.g. {@code alert.severity}), as it saw them
     */
    record Evaluation(boolean matched, Map<String, Object> inputs) {

        public Evaluation {
            inputs = Map.copyOf(inputs);
        }
    }
}
