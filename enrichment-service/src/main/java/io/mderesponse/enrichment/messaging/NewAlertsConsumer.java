package io.mderesponse.enrichment.messaging;

import io.mderesponse.contracts.event.AlertEnriched;
import io.mderesponse.contracts.event.AlertNewEvent;
import io.mderesponse.contracts.serde.AlertNewEventDeserializer;
import io.mderesponse.enrichment.service.EnrichmentService;
import io.mderesponse.service.messaging.EventRecords;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Kafka adapter: reads {@code defender.alerts.new}, publishes the enriched alert keyed by machine id (else alert
 * id), and acknowledges only after the broker has it. A record that cannot be enriched (unreadable, unknown
 * alert, Defender unreachable after the client's retries) goes to the dead letter topic with the reason.
 */
@ApplicationScoped
public class NewAlertsConsumer {

    public static final String INCOMING = "alerts-new";
    public static final String OUTGOING = "alerts-enriched";

    private static final Logger LOG = Logger.getLogger(NewAlertsConsumer.class);

    private final EnrichmentService enrichment;
    private final MutinyEmitter<AlertEnriched> enriched;
    private final AlertNewEventDeserializer deserializer = new AlertNewEventDeserializer();

    public NewAlertsConsumer(EnrichmentService enrichment, @Channel(OUTGOING) MutinyEmitter<AlertEnriched> enriched) {
        this.enrichment = enrichment;
        this.enriched = enriched;
    }

    @Incoming(INCOMING)
    @Blocking
    public CompletionStage<Void> consume(Message<byte[]> message) {
        try {
            AlertNewEvent event = EventRecords.read(message, deserializer);
            AlertEnriched result = enrichment.enrich(event);
            enriched.sendMessageAndAwait(EventRecords.keyed(result));
            LOG.infof("Enriched alert=%s machine=%s severity=%s", result.alert().id(),
                    result.machine() == null ? "none" : result.machine().id(), result.alert().severity());
            return message.ack();
        } catch (RuntimeException e) {
            LOG.errorf("Could not enrich a record; it goes to the dead letter topic: %s", e.getMessage());
            return message.nack(e);
        }
    }
}
