package io.mderesponse.decision.service.rules;

import io.mderesponse.contracts.defender.IsolationType;
import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.contracts.event.RuleAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One operator rule; in a rule set the first rule that matches wins.
 *
 * @param actions what v1 consumers of decisions know: {@code isolate} when the rule isolates, {@code notify} when it
 *     notifies
 * @param isolation how to isolate; required when {@code actions} contains isolate
 * @param recipients the rule file's {@code notify}: extra recipients for this rule's emails (the notifier adds {@code notifier.recipients})
 * @param dryRun record the decision as {@code DRY_RUN} and request nothing
 * @param machineActions every machine action the rule names, in the file's order (the order they are carried out)
 */
public record Rule(String id, Condition when, List<RuleAction> actions, IsolationType isolation,
        List<String> recipients, boolean dryRun, List<MachineActionSpec> machineActions) {

    public Rule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(when, "when");
        actions = List.copyOf(actions);
        recipients = List.copyOf(recipients);
        machineActions = List.copyOf(machineActions);
        if (actions.contains(RuleAction.ISOLATE) && isolation == null) {
            throw new IllegalArgumentException("Rule " + id + " isolates but names no isolation type");
        }
        boolean plansIsolation = machineActions.stream().anyMatch(a -> a.kind() == MachineActionKind.ISOLATE);
        if (plansIsolation != actions.contains(RuleAction.ISOLATE)) {
            throw new IllegalArgumentException("Rule " + id + ": isolate must be in both actions and machine actions");
        }
    }

    /** A rule of isolate and notify only, as rules were before other machine actions. */
    public Rule(String id, Condition when, List<RuleAction> actions, IsolationType isolation,
            List<String> recipients, boolean dryRun) {
        this(id, when, actions, isolation, recipients, dryRun, actions.contains(RuleAction.ISOLATE)
                ? List.of(MachineActionSpec.isolate(isolation)) : List.of());
    }

    public boolean isolates() {
        return actions.contains(RuleAction.ISOLATE);
    }

    public boolean notifies() {
        return actions.contains(RuleAction.NOTIFY);
    }

    /** Every action's name, machine actions in order, then {@code notify}: for views and reports. */
    public List<String> actionNames() {
        List<String> names = new ArrayList<>();
        machineActions.forEach(action -> names.add(action.kind().wireName()));
        if (notifies()) {
            names.add(RuleAction.NOTIFY.wireName());
        }
        return names;
    }
}
