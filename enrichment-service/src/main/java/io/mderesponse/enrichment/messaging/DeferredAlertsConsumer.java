package io.mderesponse.enrichment.messaging;

import io.mderesponse.contracts.event.AlertEnriched;
import io.mderesponse.contracts.event.AlertNewEvent;
import io.mderesponse.contracts.serde.AlertNewEventDeserializer;
import io.mderesponse.enrichment.metrics.EnrichmentMetrics;
import io.mderesponse.enrichment.service.AlertPriority;
import io.mderesponse.enrichment.service.BudgetedEnrichment;
import io.mderesponse.enrichment.service.EnrichmentOutcome;
import io.mderesponse.enrichment.service.EnrichmentOutcome.Enriched;
import io.mderesponse.enrichment.service.EnrichmentOutcome.LeaveForRestart;
import io.mderesponse.service.messaging.EventRecords;
import io.mderesponse.service.messaging.PoisonRecordException;
import io.mderesponse.service.observability.RecordLogContext;
import io.mderesponse.service.processing.KeyedProcessing;
import io.mderesponse.service.processing.Urgency;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Kafka adapter: reads the deferred alerts ({@code defender.internal.enrichment.deferrals} and this group's retry
 * topic) and has them enriched once the budget has room for them beyond the reserve kept for urgent work
 * ({@link BudgetedEnrichment#enrichDeferred}), then publishes them like {@link NewAlertsConsumer}. Nothing is
 * dropped: a deferred alert waits as long as the budget needs; one that fails for another reason goes to this
 * channel's dead letter topic. Records are processed concurrently, in order per alert, through
 * {@link KeyedProcessing}.
 */
@ApplicationScoped
public class DeferredAlertsConsumer {

    public static final String INCOMING = "deferred-alerts";

    private static final Logger LOG = Logger.getLogger(DeferredAlertsConsumer.class);

    private final BudgetedEnrichment enrichment;
    private final EnrichedAlerts enriched;
    private final EnrichmentMetrics metrics;
    private final KeyedProcessing processing;
    private final AlertNewEventDeserializer deserializer = new AlertNewEventDeserializer();

    public DeferredAlertsConsumer(BudgetedEnrichment enrichment, EnrichedAlerts enriched, EnrichmentMetrics metrics,
            KeyedProcessing processing) {
        this.enrichment = enrichment;
        this.enriched = enriched;
        this.metrics = metrics;
        this.processing = processing;
    }

    @Incoming(INCOMING)
    public CompletionStage<Void> consume(Message<byte[]> message) {
        AlertNewEvent event;
        try {
            event = EventRecords.read(message, deserializer);
        } catch (PoisonRecordException e) {
            return processing.submit(INCOMING, message, Urgency.NORMAL, m -> deadLetter(m, null, e));
        }
        return processing.submit(INCOMING, message, AlertPriority.urgency(event.severity()), m -> enrich(m, event));
    }

    private CompletionStage<Void> enrich(Message<byte[]> message, AlertNewEvent event) {
        RecordLogContext.enter(event); // read on the event loop; this worker's context has only the header's id
        try {
            EnrichmentOutcome<AlertEnriched> outcome = enrichment.enrichDeferred(event, processing::stopping);
            if (outcome instanceof Enriched<AlertEnriched> done) {
                AlertEnriched result = done.result();
                enriched.publish(result);
                metrics.enriched(result.alert().severity(), done.calls());
                LOG.infof("Enriched deferred alert=%s machine=%s severity=%s calls=%d", result.alert().id(),
                        result.machine() == null ? "none" : result.machine().id(), result.alert().severity(),
                        done.calls());
                return message.ack();
            }
            return KeyedProcessing.leaveForRestart(((LeaveForRestart<AlertEnriched>) outcome).what());
        } catch (RuntimeException e) {
            return deadLetter(message, event, e);
        }
    }

    private CompletionStage<Void> deadLetter(Message<byte[]> message, AlertNewEvent event, RuntimeException e) {
        LOG.errorf("Could not enrich deferred alert %s; it goes to the dead letter topic: %s",
                event == null ? "(unreadable)" : event.alertId(), e.getMessage());
        metrics.deadLettered(event == null ? null : event.severity());
        return message.nack(e);
    }
}
