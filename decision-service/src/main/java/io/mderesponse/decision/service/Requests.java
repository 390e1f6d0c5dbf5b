package io.mderesponse.decision.service;

import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.Event;
import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.contracts.event.RequestedAction;
import io.mderesponse.contracts.event.ResponseActionRequested;
import java.util.List;
import java.util.UUID;

/**
 * The requests that carry out a decision's plan on its machine, in plan order: isolation kinds as v1
 * {@link MachineActionRequested} (the topic v1 consumers read), every other kind as {@link ResponseActionRequested}
 * on its own topic.
 */
public final class Requests {

    private Requests() {
    }

    public static List<Event> of(DecisionMade decision) {
        if (decision.machineId() == null) {
            return List.of();
        }
        return decision.plan().stream().<Event>map(action -> action.kind().isIsolation()
                ? MachineActionRequested.of(decision, action.kind().v1Type().orElseThrow(), decision.machineId(),
                        comment(decision, action))
                : ResponseActionRequested.of(decision, action, decision.machineId(), comment(decision, action)))
                .toList();
    }

    /**
     * The Defender comment: names the action, the alert (or hunting row), the rule and the request id, so an analyst
     * in the portal sees why, and so the response service can find its own action again after a crash. A
     * quarantine names its file's SHA-1 (checked: 40 hex characters); no other text of the alert goes in.
     */
    public static String comment(DecisionMade decision, RequestedAction action) {
        return comment(decision, action.kind(), action.requestId(), action.sha1());
    }

    /** As {@link #comment(DecisionMade, RequestedAction)}, from the action's parts. */
    public static String comment(DecisionMade decision, MachineActionKind kind, UUID requestId, String sha1) {
        String subject = decision.alert() != null ? "alert " + decision.alert().alertId()
                : "hunting row " + decision.correlationId();
        String file = sha1 == null ? "" : " of file " + sha1;
        return "MDE Response: " + kind.defenderType() + file + " for " + subject + " by rule " + decision.ruleId()
                + " [request " + requestId + "]";
    }
}
