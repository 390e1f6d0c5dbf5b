package io.mderesponse.decision.service.rules;

import io.mderesponse.contracts.defender.IsolationType;
import io.mderesponse.contracts.event.RuleAction;
import java.util.List;
import java.util.Objects;

/**
 * One operator rule; in a rule set the first rule that matches wins.
 *
 * @param isolation how to isolate; required when {@code actions} contains isolate
 * @param recipients the rule file's {@code notify}: extra recipients for this rule's emails (the notifier adds {@code notifier.recipients})
 * @param dryRun record the decision as {@code DRY_RUN} and request nothing
 */
public record Rule(String id, Condition when, List<RuleAction> actions, IsolationType isolation,
        List<String> recipients, boolean dryRun) {

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(when, "when");
        actions = List.copyOf(actions);
        recipients = List.copyOf(recipients);
        if (actions.contains(RuleAction.ISOLATE) && isolation == null) {
            throw new IllegalArgumentException("Rule " + id + " isolates but names no isolation type");
        }
    }

    public boolean isolates() {
        return actions.contains(RuleAction.ISOLATE);
    }
}
