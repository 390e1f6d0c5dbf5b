package io.mderesponse.decision.service.guard;

import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.DecisionOutcome;
import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.contracts.event.RequestedAction;
import io.mderesponse.contracts.event.RuleAction;
import java.util.List;

/** Rewrites a decision that a guard stopped or cut down, before it is published (same decision id). */
final class Decisions {

    private Decisions() {
    }

    /**
     * {@code d} with another outcome, reason and plan; {@code isolate} stays among its v1 {@code actions} only while
     * the plan isolates.
     */
    static DecisionMade withPlan(DecisionMade d, DecisionOutcome outcome, List<RequestedAction> plan, String reason) {
        boolean isolates = plan.stream().anyMatch(a -> a.kind() == MachineActionKind.ISOLATE);
        List<RuleAction> actions = d.actions().stream().filter(a -> a != RuleAction.ISOLATE || isolates).toList();
        return new DecisionMade(d.eventId(), d.correlationId(), d.occurredAt(), d.schemaVersion(), d.decisionId(),
                d.alert(), d.machineId(), d.ruleId(), d.rulesetVersion(), d.inputs(), actions, d.isolationType(),
                outcome, null, null, null, d.recipients(), reason, plan);
    }
}
