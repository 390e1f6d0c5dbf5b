package io.mderesponse.decision.service;

import io.mderesponse.contracts.defender.IsolationType;
import io.mderesponse.contracts.event.AlertEnriched;
import io.mderesponse.contracts.event.AlertSummary;
import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.DecisionOutcome;
import io.mderesponse.contracts.event.EnrichedEvent;
import io.mderesponse.contracts.event.HuntingRowEnriched;
import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.contracts.event.MachineActionType;
import io.mderesponse.contracts.event.RequestIds;
import io.mderesponse.contracts.event.RuleAction;
import io.mderesponse.decision.service.rules.Rule;
import io.mderesponse.decision.service.rules.RuleInput;
import io.mderesponse.decision.service.rules.RuleSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Applies the rules to one enriched alert or hunting row: exactly one {@link DecisionMade}, and a
 * {@link MachineActionRequested} when a rule asks to isolate a machine that the event names.
 */
public class DecisionService {

    private final Supplier<RuleSet> rules;

    public DecisionService(Supplier<RuleSet> rules) {
        this.rules = rules;
    }

    public Decision decide(EnrichedEvent event) {
        RuleSet ruleSet = rules.get();
        Optional<RuleSet.Match> match = ruleSet.firstMatch(RuleInput.of(event));
        if (match.isEmpty()) {
            return new Decision(decision(event, null, ruleSet.version(), Map.of(), List.of(), null,
                    DecisionOutcome.NO_MATCH, "No rule matched"), Optional.empty());
        }
        Rule rule = match.get().rule();
        Map<String, Object> inputs = match.get().inputs();
        if (rule.dryRun()) {
            return new Decision(decision(event, rule, ruleSet.version(), inputs, rule.actions(), rule.isolation(),
                    DecisionOutcome.DRY_RUN, "Rule " + rule.id() + " is a dry run: nothing requested"),
                    Optional.empty());
        }
        String machineId = machineIdOf(event);
        if (rule.isolates() && machineId == null) {
            List<RuleAction> withoutIsolation = rule.actions().stream()
                    .filter(action -> action != RuleAction.ISOLATE).toList();
            return new Decision(decision(event, rule, ruleSet.version(), inputs, withoutIsolation, null,
                    DecisionOutcome.ACTED, "The event names no machine, so nothing can be isolated"),
                    Optional.empty());
        }
        DecisionMade decision = decision(event, rule, ruleSet.version(), inputs, rule.actions(), rule.isolation(),
                DecisionOutcome.ACTED, null);
        if (!rule.isolates()) {
            return new Decision(decision, Optional.empty());
        }
        return new Decision(decision, Optional.of(MachineActionRequested.of(decision, MachineActionType.Isolate,
                machineId, isolationComment(decision, MachineActionType.Isolate))));
    }

    /**
     * The Defender comment: names the alert, the rule and the request id, so an analyst in the portal sees why,
     * and so the response service can find its own action again after a crash.
     */
    public static String isolationComment(DecisionMade decision, MachineActionType type) {
        UUID requestId = RequestIds.forDecision(decision, type);
        String subject = decision.alert() != null ? "alert " + decision.alert().alertId()
                : "hunting row " + decision.correlationId();
        return "MDE Response: " + type + " for " + subject + " by rule " + decision.ruleId()
                + " [request " + requestId + "]";
    }

    private static DecisionMade decision(EnrichedEvent event, Rule rule, String version, Map<String, Object> inputs,
            List<RuleAction> actions, IsolationType isolation,
            DecisionOutcome outcome, String reason) {
        String ruleId = rule == null ? null : rule.id();
        List<String> recipients = rule == null ? List.of() : rule.recipients();
        if (event instanceof AlertEnriched alert) {
            return DecisionMade.forAlert(AlertSummary.from(alert.alert(), alert.machine()), ruleId, version, inputs,
                    actions, isolation, outcome, recipients, reason);
        }
        HuntingRowEnriched hunting = (HuntingRowEnriched) event; // the only other kind of EnrichedEvent
        return DecisionMade.forHuntingRow(hunting.row(), ruleId, version, inputs, actions, isolation, outcome,
                recipients, reason);
    }

    /** Only a machine Defender returned is ever acted on; a machine is never looked up by name. */
    private static String machineIdOf(EnrichedEvent event) {
        return event.machine() == null ? null : event.machine().id();
    }
}
