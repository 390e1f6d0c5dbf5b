package io.mderesponse.decision.service;

import io.mderesponse.contracts.defender.Evidence;
import io.mderesponse.contracts.defender.IsolationType;
import io.mderesponse.contracts.event.AlertEnriched;
import io.mderesponse.contracts.event.AlertSummary;
import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.DecisionOutcome;
import io.mderesponse.contracts.event.EnrichedEvent;
import io.mderesponse.contracts.event.HuntingRowEnriched;
import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.contracts.event.MachineActionType;
import io.mderesponse.contracts.event.RequestIds;
import io.mderesponse.contracts.event.RequestedAction;
import io.mderesponse.contracts.event.RuleAction;
import io.mderesponse.contracts.id.DefenderIds;
import io.mderesponse.contracts.id.SafeText;
import io.mderesponse.decision.service.rules.MachineActionSpec;
import io.mderesponse.decision.service.rules.Rule;
import io.mderesponse.decision.service.rules.RuleInput;
import io.mderesponse.decision.service.rules.RuleSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Applies the rules to one enriched alert or hunting row: exactly one {@link DecisionMade}, with the rule's machine
 * actions as its plan ({@code machineActions}, in the rule's order, each with its derived request id), and one
 * request per planned action when the event names a machine.
 *
 * <p>A file quarantine takes its files from the event: the {@code sha1} of the alert's evidence (a hunting row's
 * {@code SHA1} column), lowercase, each once, at most the rule's {@code maxFiles}. Evidence is untrusted: a value
 * that is not 40 hex characters (a path, a command line, line breaks) never becomes an action; it is named,
 * shortened and made printable, in the decision's reason and counted.
 */
public class DecisionService {

    /** The hunting column a quarantine reads its file's SHA-1 from, and the column of the file's name. */
    static final String SHA1_COLUMN = "SHA1";
    static final String FILE_NAME_COLUMN = "FileName";
    /** The longest file name passed on (it is for people only). */
    static final int MAX_FILE_NAME = 260;
    /** Rejected evidence values named in a reason at most; the rest are counted. */
    static final int MAX_NAMED_REJECTIONS = 3;

    private final Supplier<RuleSet> rules;
    private final IntConsumer rejectedHashes;

    public DecisionService(Supplier<RuleSet> rules) {
        this(rules, count -> { });
    }

    /** @param rejectedHashes told how many evidence values of an event were refused as a SHA-1 (for a metric) */
    public DecisionService(Supplier<RuleSet> rules, IntConsumer rejectedHashes) {
        this.rules = rules;
        this.rejectedHashes = rejectedHashes;
    }

    public Decision decide(EnrichedEvent event) {
        RuleSet ruleSet = rules.get();
        Optional<RuleSet.Match> match = ruleSet.firstMatch(RuleInput.of(event));
        if (match.isEmpty()) {
            return Decision.withoutRequests(decision(event, null, ruleSet.version(), Map.of(), List.of(), null,
                    DecisionOutcome.NO_MATCH, "No rule matched", null));
        }
        Rule rule = match.get().rule();
        Map<String, Object> inputs = match.get().inputs();
        Plan plan = plan(event, rule);
        if (rule.dryRun()) {
            return Decision.withoutRequests(decision(event, rule, ruleSet.version(), inputs, rule.actions(),
                    rule.isolation(), DecisionOutcome.DRY_RUN, join("Rule " + rule.id()
                            + " is a dry run: nothing requested", plan.notes()), plan.actions()));
        }
        String machineId = machineIdOf(event);
        if (!rule.machineActions().isEmpty() && machineId == null) {
            List<RuleAction> withoutIsolation = rule.actions().stream()
                    .filter(action -> action != RuleAction.ISOLATE).toList();
            return Decision.withoutRequests(decision(event, rule, ruleSet.version(), inputs, withoutIsolation, null,
                    DecisionOutcome.ACTED, "The event names no machine, so nothing can be isolated or otherwise "
                            + "acted on", List.of()));
        }
        DecisionMade decision = decision(event, rule, ruleSet.version(), inputs, rule.actions(), rule.isolation(),
                DecisionOutcome.ACTED, plan.notes().isEmpty() ? null : String.join("; ", plan.notes()),
                plan.actions());
        return Decision.requesting(decision);
    }

    /**
     * The Defender comment of an isolation or unisolation: names the alert, the rule and the request id (see
     * {@link Requests#comment}).
     */
    public static String isolationComment(DecisionMade decision, MachineActionType type) {
        return Requests.comment(decision, MachineActionKind.of(type), RequestIds.forDecision(decision, type), null);
    }

    /** The rule's machine actions for this event, with request ids, and notes for the reason. */
    private Plan plan(EnrichedEvent event, Rule rule) {
        List<RequestedAction> actions = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (MachineActionSpec spec : rule.machineActions()) {
            MachineActionKind kind = spec.kind();
            if (kind != MachineActionKind.STOP_AND_QUARANTINE_FILE) {
                actions.add(new RequestedAction(requestId(event, rule, kind, null), kind, spec.isolationType(),
                        spec.scanType(), null, null));
                continue;
            }
            Files files = files(event);
            if (!files.rejected().isEmpty()) {
                rejectedHashes.accept(files.rejected().size());
                List<String> named = files.rejected().stream().limit(MAX_NAMED_REJECTIONS).map(SafeText::preview)
                        .toList();
                int more = files.rejected().size() - named.size();
                notes.add("stopAndQuarantineFile: " + files.rejected().size() + " evidence value(s) that are not a "
                        + "SHA-1 were refused: " + String.join(", ", named)
                        + (more > 0 ? " and " + more + " more" : ""));
            }
            if (files.valid().isEmpty()) {
                notes.add("stopAndQuarantineFile: no valid SHA-1 in the evidence, so no file is quarantined");
                continue;
            }
            int taken = 0;
            for (Map.Entry<String, String> file : files.valid().entrySet()) {
                if (taken == spec.maxFiles()) {
                    notes.add("stopAndQuarantineFile: " + (files.valid().size() - taken) + " more file(s) not "
                            + "quarantined: the rule's maxFiles is " + spec.maxFiles());
                    break;
                }
                actions.add(RequestedAction.stopAndQuarantineFile(requestId(event, rule, kind, file.getKey()),
                        file.getKey(), file.getValue()));
                taken++;
            }
        }
        return new Plan(actions, notes);
    }

    private static UUID requestId(EnrichedEvent event, Rule rule, MachineActionKind kind, String sha1) {
        if (event instanceof AlertEnriched alert) {
            return RequestIds.forAlert(alert.alert().id(), rule.id(), kind, sha1);
        }
        return RequestIds.forHuntingRow(((HuntingRowEnriched) event).row().rowKey(), rule.id(), kind, sha1);
    }

    /** The files an event names: valid SHA-1s (lowercase, first seen first) with their names, and refused values. */
    private static Files files(EnrichedEvent event) {
        Map<String, String> valid = new LinkedHashMap<>();
        List<String> rejected = new ArrayList<>();
        if (event instanceof AlertEnriched alert) {
            for (Evidence evidence : alert.alert().evidence()) {
                if (evidence != null) {
                    take(evidence.sha1(), evidence.fileName(), valid, rejected);
                }
            }
        } else {
            Map<String, Object> row = ((HuntingRowEnriched) event).row().row();
            Object sha1 = row.get(SHA1_COLUMN);
            Object name = row.get(FILE_NAME_COLUMN);
            take(sha1 == null ? null : String.valueOf(sha1), name instanceof String text ? text : null, valid,
                    rejected);
        }
        return new Files(valid, rejected);
    }

    private static void take(String sha1, String fileName, Map<String, String> valid, List<String> rejected) {
        if (sha1 == null || sha1.isEmpty()) {
            return; // evidence of another kind (a process without a hash, a user, an address)
        }
        if (!DefenderIds.isValidSha1(sha1)) {
            rejected.add(sha1);
            return;
        }
        valid.putIfAbsent(sha1.toLowerCase(Locale.ROOT),
                fileName == null ? null : SafeText.singleLine(fileName, MAX_FILE_NAME));
    }

    private static String join(String first, List<String> notes) {
        return notes.isEmpty() ? first : first + "; " + String.join("; ", notes);
    }

    private static DecisionMade decision(EnrichedEvent event, Rule rule, String version, Map<String, Object> inputs,
            List<RuleAction> actions, IsolationType isolation, DecisionOutcome outcome, String reason,
            List<RequestedAction> machineActions) {
        String ruleId = rule == null ? null : rule.id();
        List<String> recipients = rule == null ? List.of() : rule.recipients();
        if (event instanceof AlertEnriched alert) {
            return DecisionMade.forAlert(AlertSummary.from(alert.alert(), alert.machine()), ruleId, version, inputs,
                    actions, isolation, outcome, recipients, reason, machineActions);
        }
        HuntingRowEnriched hunting = (HuntingRowEnriched) event; // the only other kind of EnrichedEvent
        return DecisionMade.forHuntingRow(hunting.row(), ruleId, version, inputs, actions, isolation, outcome,
                recipients, reason, machineActions);
    }

    /** Only a machine Defender returned is ever acted on; a machine is never looked up by name. */
    private static String machineIdOf(EnrichedEvent event) {
        return event.machine() == null ? null : event.machine().id();
    }

    private record Plan(List<RequestedAction> actions, List<String> notes) {
    }

    private record Files(Map<String, String> valid, List<String> rejected) {
    }
}
