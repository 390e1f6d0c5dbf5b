package io.mderesponse.notifier.service;

import io.mderesponse.contracts.event.AlertSummary;
import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.DecisionOutcome;
import io.mderesponse.contracts.event.Event;
import io.mderesponse.contracts.event.MachineActionCompleted;
import io.mderesponse.contracts.event.MachineActionType;
import io.mderesponse.contracts.event.RuleAction;
import io.mderesponse.contracts.id.SafeText;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Decides which events become an email, to whom, and what it says: one email per completed machine action, and
 * one per decision whose rule notifies without isolating (an isolating rule is reported by its action's result).
 */
public class NotificationService {

    /** The configuration property whose addresses receive every email. */
    public static final String RECIPIENTS_PROPERTY = "notifier.recipients";

    static final String SUBJECT_PREFIX = "[MDE Response] ";
    /** The rule id is on the decision, not on {@code MachineActionCompleted}; the email names the decision. */
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
                event.decisionId().toString(), RULE_NOT_ON_RESULT + event.decisionId() + ")",
                time(event.requestedAt()), time(event.completedAt()));
        String subject = subject(event.type() + " " + event.status(), event.alert(), event.machineId());
        NotificationKind kind = event.type() == MachineActionType.Isolate ? NotificationKind.ISOLATE
                : NotificationKind.UNISOLATE;
        return Optional.of(new Notification(event.eventId(), event.correlationId(), kind, recipients, subject,
                view));
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
        DecisionView view = new DecisionView(alert, heading(kind), decision.outcome().name(),
                decision.actions().stream().map(RuleAction::wireName).collect(Collectors.joining(", ")),
                MailText.field(decision.ruleId(), MailText.FIELD_MAX),
                MailText.field(decision.rulesetVersion(), MailText.FIELD_MAX), decision.decisionId().toString(),
                MailText.field(decision.reason(), MailText.REASON_MAX), time(decision.occurredAt()),
                inputs(decision.inputs()));
        String what = switch (kind) {
            case HELD -> "Isolation held for approval";
            case EXPIRED -> "Held isolation expired, machine not isolated";
            default -> decision.alert() == null ? "Hunting match"
                    : decision.alert().severity() == null ? "Alert" : decision.alert().severity() + " alert";
        };
        String subject = subject(what, decision.alert(), decision.machineId());
        return Optional.of(new Notification(decision.eventId(), decision.correlationId(), kind, recipients, subject,
                view));
    }

    /**
     * True for the decisions emailed from the decisions topic: a notify-only decision, an isolation {@code HELD} by
     * the hourly cap (people must approve or deny it), and a hold that {@code EXPIRED} (the machine stays
     * unisolated). Isolations are emailed when their result arrives; other outcomes send nothing.
     */
    public static boolean isEmailed(DecisionMade decision) {
        return isNotifyOnly(decision) || decision.outcome() == DecisionOutcome.HELD
                || decision.outcome() == DecisionOutcome.EXPIRED;
    }

    static NotificationKind kindOf(DecisionMade decision) {
        return decision.outcome() == DecisionOutcome.HELD ? NotificationKind.HELD
                : decision.outcome() == DecisionOutcome.EXPIRED ? NotificationKind.EXPIRED : NotificationKind.NOTIFY;
    }

    private static String heading(NotificationKind kind) {
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

    /** True for a decision that acted with {@code notify} but without {@code isolate}. */
    public static boolean isNotifyOnly(DecisionMade decision) {
        return decision.outcome() == DecisionOutcome.ACTED && decision.actions().contains(RuleAction.NOTIFY)
                && !decision.actions().contains(RuleAction.ISOLATE);
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
