package io.mderesponse.contracts.serde;

import io.mderesponse.contracts.event.AlertEnriched;

/** Reads {@link AlertEnriched} ({@code ce_type} defender.alert.enriched.v1); a class of its own so kafka-clients can instantiate it by name. */
public class AlertEnrichedDeserializer extends JsonEventDeserializer<AlertEnriched> {

    public AlertEnrichedDeserializer() {
        super(AlertEnriched.class);
    }
}
