package io.mderesponse.contracts.serde;

import io.mderesponse.contracts.event.AlertDetected;

/** Reads {@link AlertDetected} ({@code ce_type} defender.alert.detected.v1); a class of its own so kafka-clients can instantiate it by name. */
public class AlertDetectedDeserializer extends JsonEventDeserializer<AlertDetected> {

    public AlertDetectedDeserializer() {
        super(AlertDetected.class);
    }
}
