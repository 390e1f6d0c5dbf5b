package io.mderesponse.enrichment.messaging;

import io.mderesponse.contracts.event.HuntingRowEnriched;
import io.mderesponse.contracts.event.HuntingRowFound;
import io.mderesponse.contracts.id.DefenderIds;
import io.mderesponse.contracts.serde.HuntingRowFoundDeserializer;
import io.mderesponse.enrichment.metrics.HuntingRowMetrics;
import io.mderesponse.enrichment.service.BudgetedEnrichment;
import io.mderesponse.enrichment.service.EnrichmentOutcome;
import io.mderesponse.enrichment.service.EnrichmentOutcome.Enriched;
import io.mderesponse.enrichment.service.EnrichmentOutcome.LeaveForRestart;
import io.mderesponse.service.messaging.EventRecords;
import io.mderesponse.service.processing.KeyedProcessing;
import io.mderesponse.service.processing.Urgency;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Kafka adapter: reads {@code defender.hunting.results} (and this group's retry topic) and publishes a
 * {@link HuntingRowEnriched} with the machine of the row's device id on {@code defender.alerts.enriched}, keyed by
 * machine id, acknowledging only after the broker has it.
 *
 * <p>The device id is checked (40 lowercase hex) before it goes anywhere near a URL; the machine comes from the
 * same cache as alerts' machines. A row without a device id is skipped (logged and counted): the rules could
 * never act on it. A device Defender does not know is published without a machine (decided, never isolated). A
 * record that cannot be read goes to the dead letter topic with the reason; a machine lookup that finds the budget
 * short waits for it, like a Medium or High alert ({@link BudgetedEnrichment#enrichRow}).
 */
@ApplicationScoped
public class HuntingRowsConsumer {

    public static final String INCOMING = "hunting-results";
    public static final String OUTGOING = "hunting-enriched";

    private static final Logger LOG = Logger.getLogger(HuntingRowsConsumer.class);

    private final BudgetedEnrichment enrichment;
    private final MutinyEmitter<HuntingRowEnriched> enriched;
    private final HuntingRowMetrics metrics;
    private final KeyedProcessing processing;
    private final HuntingRowFoundDeserializer deserializer = new HuntingRowFoundDeserializer();

    public HuntingRowsConsumer(BudgetedEnrichment enrichment,
            @Channel(OUTGOING) MutinyEmitter<HuntingRowEnriched> enriched, HuntingRowMetrics metrics,
            KeyedProcessing processing) {
        this.enrichment = enrichment;
        this.enriched = enriched;
        this.metrics = metrics;
        this.processing = processing;
    }

    @Incoming(INCOMING)
    public CompletionStage<Void> consume(Message<byte[]> message) {
        return processing.submit(INCOMING, message, Urgency.NORMAL, this::enrich);
    }

    private CompletionStage<Void> enrich(Message<byte[]> message) {
        HuntingRowFound row = null;
        try {
            row = EventRecords.read(message, deserializer);
            String deviceId = row.deviceId();
            if (deviceId == null || !DefenderIds.isValidMachineId(deviceId)) {
                LOG.infof("Hunting row %s of query %s names no device id: not enriched, never acted on",
                        row.rowKey(), row.queryId());
                metrics.row("no-device");
                return message.ack();
            }
            EnrichmentOutcome<HuntingRowEnriched> outcome = enrichment.enrichRow(row, processing::stopping);
            if (outcome instanceof Enriched<HuntingRowEnriched> done) {
                HuntingRowEnriched result = done.result();
                enriched.sendMessageAndAwait(EventRecords.keyed(result));
                metrics.row(result.machine() == null ? "unknown-device" : "enriched");
                LOG.infof("Enriched hunting row=%s query=%s machine=%s", row.rowKey(), row.queryId(),
                        result.machine() == null ? "unknown" : result.machine().id());
                return message.ack();
            }
            return KeyedProcessing.leaveForRestart(((LeaveForRestart<HuntingRowEnriched>) outcome).what());
        } catch (RuntimeException e) {
            LOG.errorf("Could not enrich hunting row %s; it goes to the dead letter topic: %s",
                    row == null ? "(unreadable)" : row.rowKey(), e.getMessage());
            metrics.row("dead-letter");
            return message.nack(e);
        }
    }
}
