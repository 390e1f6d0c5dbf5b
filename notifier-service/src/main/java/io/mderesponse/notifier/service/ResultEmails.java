package io.mderesponse.notifier.service;

import io.mderesponse.contracts.event.MachineActionCompleted;
import io.mderesponse.contracts.event.RequestedAction;
import io.mderesponse.contracts.id.SafeText;
import io.mderesponse.notifier.state.ActionOutcome;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What a machine action's result leads to, on either result topic: an email of its own (a plan of one action, or a
 * record written before plans travelled on results); nothing yet (its plan waits for other results, or another
 * result's record sends the plan's email); or the plan's one email, listing every action with its own final
 * status. A plan's results are kept in the sent-log ({@link NotificationLedger#recordResult}), so they survive
 * restarts and reach every replica; the first claim in the sent-log decides which record sends the email
 * ({@link NotificationLedger#claimPlanEmail}). Blocking (sent-log reads and writes): call on a worker thread.
 */
public class ResultEmails {

    private static final Logger LOG = Logger.getLogger(ResultEmails.class);

    private final NotificationService service;
    private final NotificationLedger ledger;
    private final Clock clock;

    public ResultEmails(NotificationService service, NotificationLedger ledger, Clock clock) {
        this.service = service;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** The email to send because of {@code result}, if any; returns once the result is durable in the sent-log. */
    public Optional<Notification> forResult(ActionResult result) {
        if (!result.partOfLargerPlan()) {
            return result.event() instanceof MachineActionCompleted v1 ? service.forActionResult(v1)
                    : service.forActions(result, Map.of(result.requestId(), result.outcome()));
        }
        UUID decisionId = result.decisionId();
        ActionOutcome outcome = result.outcome();
        Map<UUID, ActionOutcome> known = ledger.recordResult(result.eventId(), decisionId, outcome, clock.instant());
        long missing = result.plan().stream().map(RequestedAction::requestId).filter(id -> !known.containsKey(id))
                .count();
        if (missing > 0) {
            LOG.infof("Result %s (%s %s) of decision %s recorded; its email waits for %d more result(s) of the plan "
                    + "(correlation id %s)", result.requestId(), outcome.kind().wireName(), outcome.status(),
                    decisionId, missing, SafeText.preview(result.correlationId(), 128));
            return Optional.empty();
        }
        if (!ledger.claimPlanEmail(decisionId, outcome, clock.instant())) {
            LOG.infof("Every result of decision %s is in; the record of another result sends its email (result %s "
                    + "sends nothing)", decisionId, result.requestId());
            return Optional.empty();
        }
        return service.forActions(result, known);
    }
}
