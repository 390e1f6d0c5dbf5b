package io.mderesponse.notifier.service;

import io.mderesponse.contracts.event.AlertSummary;
import io.mderesponse.contracts.event.Event;
import io.mderesponse.contracts.event.MachineActionCompleted;
import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.contracts.event.RequestedAction;
import io.mderesponse.contracts.event.ResponseActionCompleted;
import io.mderesponse.notifier.state.ActionOutcome;
import java.util.List;
import java.util.UUID;

/**
 * A machine action's result as the notifier needs it, from either result topic: the isolation kinds'
 * {@link MachineActionCompleted} and every other kind's {@link ResponseActionCompleted}.
 *
 * @param plan the decision's machine actions in order, this one included; null for a record written before the
 *     field (then it is emailed on its own, as before)
 * @param parameters this action's parameters in words (from its plan, else from the event), safe for an email
 * @param ruleId null for releases and records written before the field
 * @param event the event itself, for logs
 */
public record ActionResult(UUID eventId, String correlationId, UUID decisionId, String machineId, AlertSummary alert,
        List<String> recipients, String ruleId, List<RequestedAction> plan, String parameters,
        ActionOutcome outcome, Event event) {

    public static ActionResult of(MachineActionCompleted event) {
        MachineActionKind kind = event.kind() != null ? event.kind() : MachineActionKind.of(event.type());
        ActionOutcome outcome = new ActionOutcome(event.requestId(), kind, event.status(), event.reason(),
                event.machineActionId(), event.requestedAt(), event.completedAt());
        return new ActionResult(event.eventId(), event.correlationId(), event.decisionId(), event.machineId(),
                event.alert(), event.recipients(), event.ruleId(), event.plan(),
                parameters(event.plan(), event.requestId(), MailText.NONE), outcome, event);
    }

    public static ActionResult of(ResponseActionCompleted event) {
        ActionOutcome outcome = new ActionOutcome(event.requestId(), event.kind(), event.status(), event.reason(),
                event.machineActionId(), event.requestedAt(), event.completedAt());
        String fromEvent = ActionWords.parameters(event.kind(), null, event.scanType(), event.sha1(),
                event.fileName());
        return new ActionResult(event.eventId(), event.correlationId(), event.decisionId(), event.machineId(),
                event.alert(), event.recipients(), event.ruleId(), event.plan(),
                parameters(event.plan(), event.requestId(), fromEvent), outcome, event);
    }

    public UUID requestId() {
        return outcome.requestId();
    }

    /**
     * Whether this result waits for the others of its plan: its plan has more than one action and names this one
     * (a plan that does not name it is inconsistent; such a result is emailed on its own).
     */
    public boolean partOfLargerPlan() {
        return plan != null && plan.size() > 1
                && plan.stream().anyMatch(action -> action.requestId().equals(requestId()));
    }

    private static String parameters(List<RequestedAction> plan, UUID requestId, String otherwise) {
        return plan == null ? otherwise : plan.stream().filter(action -> action.requestId().equals(requestId))
                .findFirst().map(ActionWords::parameters).orElse(otherwise);
    }
}
