package io.mderesponse.enrichment.messaging;

import io.mderesponse.contracts.event.AlertEnriched;
import io.mderesponse.contracts.event.AlertNewEvent;
import io.mderesponse.contracts.serde.AlertNewEventDeserializer;
import io.mderesponse.enrichment.metrics.EnrichmentMetrics;
import io.mderesponse.enrichment.service.AlertPriority;
import io.mderesponse.enrichment.service.BudgetedEnrichment;
import io.mderesponse.enrichment.service.EnrichmentOutcome;
import io.mderesponse.enrichment.service.EnrichmentOutcome.Defer;
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
 * Kafka adapter: reads {@code defender.alerts.new} (and this group's retry topic), publishes the enriched alert
 * keyed by machine id (else alert id), and acknowledges only after the broker has it.
 *
 * <p>Records are processed concurrently through {@link KeyedProcessing}: the events of one alert (the record key)
 * in order, and, when more records wait than can start, High alerts first, then Medium, then the rest (a record
 * waiting longer than {@code processing.priority-aging} goes first whatever its severity).
 *
 * <p>Budget ({@link BudgetedEnrichment#enrichNew}): a Low, Informational or UnSpecified alert that finds the budget
 * short is deferred ({@link Deferrals}) instead of holding up the Medium and High alerts. A Medium or High alert
 * waits for budget, however long, on its worker; {@code processing.urgent-workers} of the channel's workers are kept
 * for High alerts, so a High alert never waits for a worker behind Medium alerts that wait for budget, and High
 * alerts may use the budget's high-priority reserve that Medium ones leave. A record that cannot be enriched
 * (unreadable, unknown alert, Defender failing after the client's retries) goes to the dead letter topic with the
 * reason.
 */
@ApplicationScoped
public class NewAlertsConsumer {

    public static final String INCOMING = "alerts-new";
    public static final String OUTGOING = EnrichedAlerts.OUTGOING;

    private static final Logger LOG = Logger.getLogger(NewAlertsConsumer.class);

    private final BudgetedEnrichment enrichment;
    private final EnrichedAlerts enriched;
    private final Deferrals deferrals;
    private final EnrichmentMetrics metrics;
    private final KeyedProcessing processing;
    private final AlertNewEventDeserializer deserializer = new AlertNewEventDeserializer();

    public NewAlertsConsumer(BudgetedEnrichment enrichment, EnrichedAlerts enriched, Deferrals deferrals,
            EnrichmentMetrics metrics, KeyedProcessing processing) {
        this.enrichment = enrichment;
        this.enriched = enriched;
        this.deferrals = deferrals;
        this.metrics = metrics;
        this.processing = processing;
    }

    @Incoming(INCOMING)
    public CompletionStage<Void> consume(Message<byte[]> message) {
        // Read here (cheap) for the severity that orders the queue; an unreadable record goes through the queue too.
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
            EnrichmentOutcome<AlertEnriched> outcome = enrichment.enrichNew(event, processing::stopping);
            if (outcome instanceof Enriched<AlertEnriched> done) {
                return publish(message, done.result(), done.calls());
            }
            if (outcome instanceof Defer<AlertEnriched> defer) {
                return defer(message, event, defer.reason());
            }
            return KeyedProcessing.leaveForRestart(((LeaveForRestart<AlertEnriched>) outcome).what());
        } catch (RuntimeException e) {
            return deadLetter(message, event, e);
        }
    }

    private CompletionStage<Void> deadLetter(Message<byte[]> message, AlertNewEvent event, RuntimeException e) {
        LOG.errorf("Could not enrich alert %s; it goes to the dead letter topic: %s",
                event == null ? "(unreadable)" : event.alertId(), e.getMessage());
        metrics.deadLettered(event == null ? null : event.severity());
        return message.nack(e);
    }

    private CompletionStage<Void> publish(Message<byte[]> message, AlertEnriched result, int calls) {
        enriched.publish(result);
        metrics.enriched(result.alert().severity(), calls);
        LOG.infof("Enriched alert=%s machine=%s severity=%s calls=%d", result.alert().id(),
                result.machine() == null ? "none" : result.machine().id(), result.alert().severity(), calls);
        return message.ack();
    }

    private CompletionStage<Void> defer(Message<byte[]> message, AlertNewEvent event, String reason) {
        deferrals.defer(message, event.alertId(), reason);
        metrics.deferred(event.severity());
        LOG.debugf("Deferred alert=%s severity=%s: %s", event.alertId(), event.severity(), reason);
        return message.ack();
    }
}
