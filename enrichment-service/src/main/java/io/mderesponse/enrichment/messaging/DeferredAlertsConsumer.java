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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Kafka adapter: reads the deferred alerts ({@code defender.internal.enrichment.deferrals} and this group's retry
 * topic), waits until the budget has room for them beyond the reserve kept for urgent work, then enriches and
 * publishes them like {@link NewAlertsConsumer}. Nothing is dropped: a deferred alert waits as long as the budget
 * needs; one that fails for another reason goes to this channel's dead letter topic.
 */
@ApplicationScoped
public class DeferredAlertsConsumer {

    public static final String INCOMING = "deferred-alerts";

    private static final Logger LOG = Logger.getLogger(DeferredAlertsConsumer.class);

    private final EnrichmentService enrichment;
    private final EnrichedAlerts enriched;
    private final EnrichmentMetrics metrics;
    private final AlertNewEventDeserializer deserializer = new AlertNewEventDeserializer();

    public DeferredAlertsConsumer(EnrichmentService enrichment,
            EnrichedAlerts enriched, EnrichmentMetrics metrics) {
        this.enrichment = enrichment;
        this.enriched = enriched;
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
                if (!enrichment.awaitHeadroom(event, priority, NewAlertsConsumer.BUDGET_WAIT)) {
                    LOG.debugf("Deferred alert %s still waits for budget", event.alertId());
                    continue;
                }
                try (CallTally tally = CallTally.start()) {
                    AlertEnriched result = enrichment.enrich(event, priority);
                    enriched.publish(result);
                    metrics.enriched(result.alert().severity(), tally.calls());
                    LOG.infof("Enriched deferred alert=%s machine=%s severity=%s calls=%d", result.alert().id(),
                            result.machine() == null ? "none" : result.machine().id(), result.alert().severity(),
                            tally.calls());
                    return message.ack();
                } catch (DefenderThrottledException e) {
                    LOG.debugf("Deferred alert %s waits again: %s", event.alertId(), e.getMessage());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.infof("Stopped while deferred alert %s waited for budget; it is read again after the restart",
                    event == null ? "-" : event.alertId());
            return new CompletableFuture<>(); // neither acked nor nacked: the offset is not committed
        } catch (RuntimeException e) {
            LOG.errorf("Could not enrich deferred alert %s; it goes to the dead letter topic: %s",
                    event == null ? "(unreadable)" : event.alertId(), e.getMessage());
            metrics.deadLettered(event == null ? null : event.severity());
            return message.nack(e);
        }
    }
}
