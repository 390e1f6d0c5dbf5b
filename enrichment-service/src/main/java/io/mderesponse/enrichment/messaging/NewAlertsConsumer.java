package io.mderesponse.enrichment.messaging;

import io.mderesponse.contracts.event.AlertEnriched;
import io.mderesponse.contracts.event.AlertNewEvent;
import io.mderesponse.contracts.serde.AlertNewEventDeserializer;
import io.mderesponse.defender.client.CallTally;
import io.mderesponse.defender.client.budget.CallPriority;
import io.mderesponse.defender.client.error.DefenderThrottledException;
import io.mderesponse.enrichment.service.AlertPriority;
import io.mderesponse.enrichment.service.EnrichmentMetrics;
import io.mderesponse.enrichment.service.EnrichmentService;
import io.mderesponse.service.messaging.EventRecords;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Kafka adapter: reads {@code defender.alerts.new} (and this group's retry topic), publishes the enriched alert
 * keyed by machine id (else alert id), and acknowledges only after the broker has it.
 *
 * <p>Budget: a Low, Informational or UnSpecified alert that finds the budget short is deferred
 * ({@link Deferrals}) instead of holding up the Medium and High alerts behind it. A Medium or High alert waits for
 * budget here, however long, since nothing behind it is more urgent. A record that cannot be enriched (unreadable,
 * unknown alert, Defender failing after the client's retries) goes to the dead letter topic with the reason.
 */
@ApplicationScoped
public class NewAlertsConsumer {

    public static final String INCOMING = "alerts-new";
    public static final String OUTGOING = EnrichedAlerts.OUTGOING;

    private static final Logger LOG = Logger.getLogger(NewAlertsConsumer.class);
    /** How long one wait for budget lasts before it is logged and started again. */
    static final Duration BUDGET_WAIT = Duration.ofSeconds(30);

    private final EnrichmentService enrichment;
    private final EnrichedAlerts enriched;
    private final Deferrals deferrals;
    private final EnrichmentMetrics metrics;
    private final AlertNewEventDeserializer deserializer = new AlertNewEventDeserializer();

    public NewAlertsConsumer(EnrichmentService enrichment, EnrichedAlerts enriched,
            Deferrals deferrals, EnrichmentMetrics metrics) {
        this.enrichment = enrichment;
        this.enriched = enriched;
        this.deferrals = deferrals;
        this.metrics = metrics;
    }

    @Incoming(INCOMING)
    @Blocking
    public CompletionStage<Void> consume(Message<byte[]> message) {
        AlertNewEvent event = null;
        try {
            event = EventRecords.read(message, deserializer);
            CallPriority priority = AlertPriority.of(event.severity());
            while (true) {
                try (CallTally tally = CallTally.start()) {
                    Optional<AlertEnriched> result = enrichment.enrichUnlessShort(event, priority);
                    if (result.isEmpty()) {
                        return defer(message, event, "budget short for low-priority enrichment");
                    }
                    return publish(message, result.get(), tally.calls());
                } catch (DefenderThrottledException e) {
                    if (priority == CallPriority.LOW) {
                        return defer(message, event, e.getMessage());
                    }
                    LOG.warnf("Alert %s (%s) waits for Defender budget: %s", event.alertId(), event.severity(),
                            e.getMessage());
                    enrichment.awaitHeadroom(event, priority, BUDGET_WAIT);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.infof("Stopped while alert %s waited for budget; it stays unacknowledged and is read again after the "
                    + "restart", event == null ? "-" : event.alertId());
            return new CompletableFuture<>(); // neither acked nor nacked: the offset is not committed
        } catch (RuntimeException e) {
            LOG.errorf("Could not enrich alert %s; it goes to the dead letter topic: %s",
                    event == null ? "(unreadable)" : event.alertId(), e.getMessage());
            metrics.deadLettered(event == null ? null : event.severity());
            return message.nack(e);
        }
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
