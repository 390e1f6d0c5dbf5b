package io.mderesponse.contracts.serde;

import io.mderesponse.contracts.event.AlertNewEvent;
import io.mderesponse.contracts.event.EventType;

/** Reads {@code defender.alerts.new}: {@code AlertDetected} or {@code AlertSeverityRaised} by {@code ce_type}. */
public class AlertNewEventDeserializer extends DispatchingEventDeserializer<AlertNewEvent> {

    public AlertNewEventDeserializer() {
        super(AlertNewEvent.class, EventType.ALERT_DETECTED, EventType.ALERT_SEVERITY_RAISED);
    }
}
