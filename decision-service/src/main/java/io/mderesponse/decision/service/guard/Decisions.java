package io.mderesponse.decision.service.guard;

import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.DecisionOutcome;
import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.contracts.event.RuleAction;
import java.util.List;

/** Rewrites a decision that a guard stopped, before it is published (same decision id). */
final class Decisions {

    private Decisions() {
    }

    static DecisionMade stopped(DecisionMade d, DecisionOutcome outcome, boolean keepIsolate, String reason) {
        List<RuleAction> actions = keepIsolate ? d.actions()
                : d.actions().stream().filter(a -> a != RuleAction.ISOLATE).toList();
        return new DecisionMade(d.eventId(), d.correlationId(), d.occurredAt(), d.schemaVersion(), d.decisionId(),
                d.alert(), d.machineId(), d.ruleId(), d.rulesetVersion(), d.inputs(), actions, d.isolationType(),
                outcome, null, null, null, d.recipients(), reason, d.machineActions() == null ? null
                        : d.machineActions().stream()
                                .filter(a -> keepIsolate || a.kind() != MachineActionKind.ISOLATE).toList());
    }
}
