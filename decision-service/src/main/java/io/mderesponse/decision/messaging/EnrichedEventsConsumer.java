package io.mderesponse.decision.messaging;

import io.mderesponse.contracts.event.EnrichedEvent;
import io.mderesponse.contracts.serde.EnrichedEventDeserializer;
import io.mderesponse.decision.service.Decision;
import io.mderesponse.decision.service.DecisionService;
import io.mderesponse.decision.service.guard.Guards;
import io.mderesponse.decision.service.reload.ReloadReporter;
import io.mderesponse.decision.service.reload.RulesRuntime;
import io.mderesponse.decision.service.rules.RuleEvaluationException;
import io.mderesponse.service.messaging.EventRecords;
import io.mderesponse.service.processing.KeyedProcessing;
import io.mderesponse.service.processing.Urgency;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Kafka adapter: reads {@code defender.alerts.enriched}, decides, applies the guards (exclusions, machine windows,
 * caps), publishes the decision and then its requests in plan order, and only
 * then acknowledges the record, so a crash in between redelivers it (the request id is derived, so the
 * response service sees the same id again). Records are decided concurrently through {@link KeyedProcessing}, in
 * order per record key (the machine id), so the machine window's check and its update never race for one machine.
 */
@ApplicationScoped
public class EnrichedEventsConsumer {

    public static final String INCOMING = "alerts-enriched";
    public static final String DECISIONS = DecisionPublisher.DECISIONS;
    public static final String ACTIONS_REQUESTED = DecisionPublisher.ACTIONS_REQUESTED;
    public static final String RESPONSE_ACTIONS_REQUESTED = DecisionPublisher.RESPONSE_ACTIONS_REQUESTED;

    private static final Logger LOG = Logger.getLogger(EnrichedEventsConsumer.class);

    private final DecisionService decisionService;
    private final ReloadReporter reporter;
    private final Guards guards;
    private final DecisionPublisher publisher;
    private final KeyedProcessing processing;
    private final EnrichedEventDeserializer deserializer = new EnrichedEventDeserializer();

    public EnrichedEventsConsumer(DecisionService decisionService, RulesRuntime rules, Guards guards,
            DecisionPublisher publisher, KeyedProcessing processing) {
        this.processing = processing;
        this.decisionService = decisionService;
        this.reporter = rules.reporter();
        this.guards = guards;
        this.publisher = publisher;
    }

    @Incoming(INCOMING)
    public CompletionStage<Void> consume(Message<byte[]> message) {
        return processing.submit(INCOMING, message, Urgency.NORMAL, this::handle);
    }

    private CompletionStage<Void> handle(Message<byte[]> message) {
        EnrichedEvent event = null;
        try {
            event = EventRecords.read(message, deserializer);
            Decision decision = guards.apply(event, decisionService.decide(event));
            publisher.publish(decision);
            LOG.infof("Decided alert=%s machine=%s outcome=%s rule=%s ruleset=%s requests=%s", event.correlationId(),
                    decision.decision().machineId(), decision.decision().outcome(), decision.decision().ruleId(),
                    decision.decision().rulesetVersion(), requestIds(decision));
            return message.ack();
        } catch (RuleEvaluationException e) {
            reporter.evaluationFailed(e.ruleId());
            LOG.errorf(e, "Could not decide alert=%s; it goes to the dead letter topic: %s", event.correlationId(),
                    e.getMessage());
            return message.nack(e);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Could not decide on a record; it goes to the dead letter topic: %s", e.getMessage());
            return message.nack(e);
        }
    }

    /** The plan's request ids in order, for the log line. */
    private static String requestIds(Decision decision) {
        return decision.requests().isEmpty() ? "none" : decision.decision().plan().stream()
                .map(action -> action.kind().wireName() + ":" + action.requestId()).toList().toString();
    }
}
