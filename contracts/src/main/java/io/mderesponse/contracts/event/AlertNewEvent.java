package io.mderesponse.contracts.event;

import io.mderesponse.contracts.defender.DefenderAlert;
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

    /**
     * The alert as the poller's list returned it, with evidence: enrichment uses it instead of reading the alert
     * again. Null when absent: events written before the field existed, producers that send ids only, and
     * alerts whose JSON exceeded the poller's {@code poller.snapshot-max-bytes}. It lacks what only the single
     * read returns ({@code loggedOnUsers}, {@code domains}: empty lists here).
     */
    DefenderAlert alert();

    /** The same event without its snapshot. */
    AlertNewEvent withoutAlert();

    /** Keyed by alert id. */
    @Override
    default String kafkaKey() {
        return alertId();
    }
}
