package io.mderesponse.notifier.service;

import io.mderesponse.contracts.event.AlertSummary;
import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.DecisionOutcome;
import io.mderesponse.contracts.event.Event;
import io.mderesponse.contracts.event.MachineActionCompleted;
import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.contracts.event.MachineActionType;
import io.mderesponse.contracts.event.RequestedAction;
import io.mderesponse.contracts.event.RuleAction;
import io.mderesponse.contracts.id.SafeText;
import io.mderesponse.notifier.state.ActionOutcome;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Decides which events become an email, to whom, and what it says: one email per decision's machine actions (one
 * per completed action for a plan of one action and for records written before plans), and one per decision whose
 * rule notifies without asking for a machine action (a rule that acts is reported by its actions' results).
 */
public class NotificationService {

    /** The configuration property whose addresses receive every email. */
    public static final String RECIPIENTS_PROPERTY = "notifier.recipients";

    static final String SUBJECT_PREFIX = "[MDE Response] ";
    /** A result written before the rule id travelled on it: the email names the decision. */
    static final String RULE_NOT_ON_RESULT = "not on the action result (see decision ";
    static final int MAX_INPUTS = 20;

    private static final Logger LOG = Logger.getLogger(NotificationService.class);

    private final List<String> configuredRecipients;
    private final PortalLinks links;

    /** {@code configuredRecipients} must already be valid (see {@link Recipients#configured}). */
    public NotificationService(List<String> configuredRecipients, PortalLinks links) {
        this.configuredRecipients = List.copyOf(configuredRecipients);
        this.links = links;
    }

    /** The email about {@code event}; empty when nobody is to receive it. */
    public Optional<Notification> forActionResult(MachineActionCompleted event) {
        List<String> recipients = recipients(event, event.recipients());
        if (recipients.isEmpty()) {
            return Optional.empty();
        }
        AlertView alert = alertView(event.alert(), event.machineId(), event.correlationId());
        ActionResultView view = new ActionResultView(alert, event.type().name(), event.status().name(),
                event.status().succeeded(), MailText.field(event.reason(), MailText.REASON_MAX),
                MailText.field(event.machineActionId(), MailText.FIELD_MAX), event.requestId().toString(),
                event.decisionId().toString(), event.ruleId() != null
                        ? MailText.field(event.ruleId(), MailText.FIELD_MAX)
                        : RULE_NOT_ON_RESULT + event.decisionId() + ")",
                time(event.requestedAt()), time(event.completedAt()));
        String subject = subject(event.type() + " " + event.status(), event.alert(), event.machineId());
        NotificationKind kind = event.type() == MachineActionType.Isolate ? NotificationKind.ISOLATE
                : NotificationKind.UNISOLATE;
        return Optional.of(new Notification(event.eventId(), event.correlationId(), kind, recipients, subject,
                view));
    }

    /**
     * The one email about the machine actions of {@code result}'s decision: every action of its plan in order, each
     * with its outcome from {@code outcomes} (by request id), or, for a result that is not part of a larger plan,
     * that action alone. Keyed in the sent-log by the decision id, with an event id derived from it
     * ({@link #actionsEmailId}), so it is the same whichever result's record sends it. Empty when nobody is to
     * receive it.
     */
    public Optional<Notification> forActions(ActionResult result, Map<UUID, ActionOutcome> outcomes) {
        List<String> recipients = recipients(result.event(), result.recipients());
        if (recipients.isEmpty()) {
            return Optional.empty();
        }
        List<PlanResultView.ActionRow> rows = new ArrayList<>();
        if (result.partOfLargerPlan()) {
            for (RequestedAction action : result.plan()) {
                rows.add(row(rows.size() + 1, action.kind(), ActionWords.parameters(action),
                        outcomes.get(action.requestId()), action.requestId()));
            }
        } else {
            rows.add(row(1, result.outcome().kind(), result.parameters(), result.outcome(), result.requestId()));
        }
        AlertView alert = alertView(result.alert(), result.machineId(), result.correlationId());
        String heading = rows.size() == 1
                ? "MDE Response carried out a machine action; this is its final status."
                : "MDE Response carried out the " + rows.size() + " machine actions a rule asked for, in the rule's "
                        + "order; each has its own final status.";
        PlanResultView view = new PlanResultView(alert, heading, MailText.field(result.ruleId(), MailText.FIELD_MAX),
                result.decisionId().toString(), List.copyOf(rows));
        String what = rows.stream().map(row -> row.type() + " " + row.status()).collect(Collectors.joining(", "));
        return Optional.of(new Notification(actionsEmailId(result.decisionId()), result.decisionId().toString(),
                NotificationKind.ACTIONS, recipients, subject(what, result.alert(), result.machineId()), view));
    }

    /** The event id header of a decision's actions email: derived from the decision, whichever record sends it. */
    public static UUID actionsEmailId(UUID decisionId) {
        return UUID.nameUUIDFromBytes(("actions|" + decisionId).getBytes(StandardCharsets.UTF_8));
    }

    private static PlanResultView.ActionRow row(int number, MachineActionKind kind, String parameters,
            ActionOutcome outcome, UUID requestId) {
        if (outcome == null) {
            return new PlanResultView.ActionRow(number, ActionWords.action(kind), parameters, ActionWords.type(kind),
                    "Unknown", false, "No result arrived for this action", MailText.NONE, requestId.toString(),
                    MailText.NONE, MailText.NONE);
        }
        return new PlanResultView.ActionRow(number, ActionWords.action(kind), parameters, ActionWords.type(kind),
                outcome.status().name(), outcome.status().succeeded(),
                MailText.field(outcome.reason(), MailText.REASON_MAX),
                MailText.field(outcome.machineActionId(), MailText.FIELD_MAX), requestId.toString(),
                time(outcome.requestedAt()), time(outcome.completedAt()));
    }

    /**
     * The email about {@code decision}; empty unless it is {@linkplain #isNotifyOnly notify-only} and has
     * recipients.
     */
    public Optional<Notification> forDecision(DecisionMade decision) {
        if (!isEmailed(decision)) {
            LOG.debugf("No email for decision %s of %s: outcome %s, actions %s", decision.decisionId(),
                    decision.correlationId(), decision.outcome(), decision.actions());
            return Optional.empty();
        }
        List<String> recipients = recipients(decision, decision.recipients());
        if (recipients.isEmpty()) {
            return Optional.empty();
        }
        AlertView alert = alertView(decision.alert(), decision.machineId(), decision.correlationId());
        NotificationKind kind = kindOf(decision);
        List<RequestedAction> plan = decision.plan();
        boolean isolationOnly = plan.stream().allMatch(action -> action.kind() == MachineActionKind.ISOLATE);
        DecisionView view = new DecisionView(alert, heading(kind, plan, isolationOnly), decision.outcome().name(),
                Stream.concat(plan.stream().map(action -> action.kind().wireName()),
                        decision.actions().stream().filter(action -> action != RuleAction.ISOLATE)
                                .map(RuleAction::wireName)).collect(Collectors.joining(", ")),
                MailText.field(decision.ruleId(), MailText.FIELD_MAX),
                MailText.field(decision.rulesetVersion(), MailText.FIELD_MAX), decision.decisionId().toString(),
                MailText.field(decision.reason(), MailText.REASON_MAX), time(decision.occurredAt()),
                inputs(decision.inputs()));
        String actions = plan.stream().map(action -> ActionWords.type(action.kind())).collect(Collectors.joining(", "));
        String what = switch (kind) {
            case HELD -> isolationOnly ? "Isolation held for approval"
                    : "Machine actions held for approval (" + actions + ")";
            case EXPIRED -> isolationOnly ? "Held isolation expired, machine not isolated"
                    : "Held machine actions expired, none carried out (" + actions + ")";
            default -> decision.alert() == null ? "Hunting match"
                    : decision.alert().severity() == null ? "Alert" : decision.alert().severity() + " alert";
        };
        String subject = subject(what, decision.alert(), decision.machineId());
        return Optional.of(new Notification(decision.eventId(), decision.correlationId(), kind, recipients, subject,
                view));
    }

    /**
     * True for the decisions emailed from the decisions topic: a notify-only decision, machine actions {@code HELD}
     * by an hourly cap (people must approve or deny them), and a hold that {@code EXPIRED} (none was carried out).
     * Machine actions are emailed when their results arrive; other outcomes send nothing.
     */
    public static boolean isEmailed(DecisionMade decision) {
        return isNotifyOnly(decision) || decision.outcome() == DecisionOutcome.HELD
                || decision.outcome() == DecisionOutcome.EXPIRED;
    }

    static NotificationKind kindOf(DecisionMade decision) {
        return decision.outcome() == DecisionOutcome.HELD ? NotificationKind.HELD
                : decision.outcome() == DecisionOutcome.EXPIRED ? NotificationKind.EXPIRED : NotificationKind.NOTIFY;
    }

    private static String heading(NotificationKind kind, List<RequestedAction> plan, boolean isolationOnly) {
        if (!isolationOnly) {
            String actions = ActionWords.plan(plan);
            return switch (kind) {
                case HELD -> "These machine actions are held by the hourly cap: " + actions
                        + ". Approve or deny them in decision-service's /approvals.";
                case EXPIRED -> "These held machine actions were neither approved nor denied in time: " + actions
                        + ". None was carried out.";
                default -> "A rule asked to notify you about this alert; no machine action was requested.";
            };
        }
        return switch (kind) {
            case HELD -> "An isolation is held by the hourly cap: approve or deny it in decision-service's /approvals.";
            case EXPIRED -> "A held isolation was neither approved nor denied in time: the machine was NOT isolated.";
            default -> "A rule asked to notify you about this alert; no machine action was requested.";
        };
    }

    /** The rule's inputs sorted by name, one line each, at most {@link #MAX_INPUTS}. */
    private static List<DecisionView.InputRow> inputs(Map<String, Object> inputs) {
        return new TreeMap<>(inputs).entrySet().stream().limit(MAX_INPUTS)
                .map(e -> new DecisionView.InputRow(MailText.field(e.getKey(), MailText.FIELD_MAX),
                        MailText.field(e.getValue() == null ? null : String.valueOf(e.getValue()), MailText.FIELD_MAX)))
                .toList();
    }

    /**
     * True for a decision that acted with {@code notify} but asked for no machine action (neither {@code isolate}
     * nor any other): a decision with machine actions is emailed from their results.
     */
    public static boolean isNotifyOnly(DecisionMade decision) {
        return decision.outcome() == DecisionOutcome.ACTED && decision.actions().contains(RuleAction.NOTIFY)
                && !decision.actions().contains(RuleAction.ISOLATE)
                && (decision.machineActions() == null || decision.machineActions().isEmpty());
    }

    private List<String> recipients(Event event, List<String> fromEvent) {
        List<String> recipients = Recipients.merge(fromEvent, configuredRecipients,
                invalid -> LOG.warnf("Left out an invalid recipient %s of %s %s (correlation id %s)",
                        SafeText.preview(invalid, 64), event.eventType().ceType(), event.eventId(),
                        SafeText.preview(event.correlationId(), 128)));
        if (recipients.isEmpty()) {
            LOG.warnf("No email for %s %s (correlation id %s): the event names no recipient and %s is empty",
                    event.eventType().ceType(), event.eventId(), SafeText.preview(event.correlationId(), 128),
                    RECIPIENTS_PROPERTY);
        }
        return recipients;
    }

    private AlertView alertView(AlertSummary alert, String machineId, String correlationId) {
        String machineUrl = machineId == null ? null : links.machine(machineId);
        if (alert == null) {
            // A hunting row (correlation id = its row key) or a release: no alert to show, and no machine name in
            // the event, so the machine is named by its id.
            String machine = MailText.field(machineId, MailText.FIELD_MAX);
            return new AlertView("No alert: hunting row or release " + MailText.oneLine(correlationId,
                    MailText.FIELD_MAX), MailText.NONE, MailText.NONE, MailText.NONE, MailText.NONE, machine,
                    machine, MailText.NONE, MailText.NONE, MailText.NONE, MailText.NONE, null, machineUrl);
        }
        return new AlertView(
                MailText.field(alert.title(), MailText.FIELD_MAX),
                alert.severity() == null ? MailText.NONE : alert.severity().name(),
                alert.alertId(),
                MailText.field(alert.category(), MailText.FIELD_MAX),
                MailText.field(alert.detectionSource(), MailText.FIELD_MAX),
                MailText.field(alert.computerDnsName(), MailText.FIELD_MAX),
                MailText.field(machineId != null ? machineId : alert.machineId(), MailText.FIELD_MAX),
                MailText.field(alert.rbacGroupName(), MailText.FIELD_MAX),
                time(alert.alertCreationTime()),
                time(alert.firstEventTime()),
                time(alert.lastEventTime()),
                links.alert(alert.alertId()),
                machineUrl != null ? machineUrl : alert.machineId() == null ? null : links.machine(alert.machineId()));
    }

    /** {@code [MDE Response] <what>: <machine name, else id> — <alert title>}, one line, bounded. */
    static String subject(String what, AlertSummary alert, String machineId) {
        String name = alert != null && alert.computerDnsName() != null && !alert.computerDnsName().isBlank()
                ? alert.computerDnsName()
                : machineId != null ? machineId : "no machine";
        String subject = SUBJECT_PREFIX + what + ": " + MailText.oneLine(name, MailText.SUBJECT_MAX);
        if (alert != null && alert.title() != null) {
            subject += " — " + MailText.oneLine(alert.title(), MailText.SUBJECT_MAX);
        }
        return MailText.oneLine(subject, MailText.SUBJECT_MAX);
    }

    private static String time(Instant instant) {
        return instant == null ? MailText.NONE : instant.toString();
    }
}
