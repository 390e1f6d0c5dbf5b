package io.mderesponse.contracts.event;

import io.mderesponse.contracts.defender.Severity;
import java.time.Instant;

/** An event on {@code defender.alerts.new}: a new alert, or a known one whose severity went up. */
public sealed interface AlertNewEvent extends Event permits AlertDetected, AlertSeverityRaised {

    String alertId();

    /** Null when the alert has no machine. */
    String machineId();

    Severity severity();

    String title();

    Instant alertCreationTime();

    Instant lastUpdateTime();

    /** Null when Defender did not say. */
    String tenantId();

    /** Keyed by alert id. */
    @Override
    default String kafkaKey() {
        return alertId();
    }
}
