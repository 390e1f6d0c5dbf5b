package io.mderesponse.enrichment.messaging;

import io.mderesponse.contracts.event.AlertEnriched;
import io.mderesponse.service.messaging.EventRecords;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Publishes enriched alerts to {@code defender.alerts.enriched}, keyed by machine id (else alert id). */
@ApplicationScoped
public class EnrichedAlerts {

    public static final String OUTGOING = "alerts-enriched";

    private final MutinyEmitter<AlertEnriched> enriched;

    public EnrichedAlerts(@Channel(OUTGOING) MutinyEmitter<AlertEnriched> enriched) {
        this.enriched = enriched;
    }

    /** Publishes and waits for the broker's acknowledgement. */
    public void publish(AlertEnriched event) {
        enriched.sendMessageAndAwait(EventRecords.keyed(event));
    }
}
