package io.mderesponse.contracts.serde;

import io.mderesponse.contracts.event.AlertSeverityRaised;

/** Reads {@link AlertSeverityRaised} ({@code ce_type} defender.alert.severity-raised.v1); a class of its own so kafka-clients can instantiate it by name. */
public class AlertSeverityRaisedDeserializer extends JsonEventDeserializer<AlertSeverityRaised> {

    public AlertSeverityRaisedDeserializer() {
        super(AlertSeverityRaised.class);
    }
}
