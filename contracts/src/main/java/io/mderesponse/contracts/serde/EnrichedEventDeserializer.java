package io.mderesponse.contracts.serde;

import io.mderesponse.contracts.event.EnrichedEvent;
import io.mderesponse.contracts.event.EventType;

/** Reads {@code defender.alerts.enriched}: {@code AlertEnriched} or {@code HuntingRowEnriched} by {@code ce_type}. */
public class EnrichedEventDeserializer extends DispatchingEventDeserializer<EnrichedEvent> {

    public EnrichedEventDeserializer() {
        super(EnrichedEvent.class, EventType.ALERT_ENRICHED, EventType.HUNTING_ROW_ENRICHED);
    }
}
