package io.mderesponse.contracts.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.mderesponse.contracts.defender.DefenderAlert;
import io.mderesponse.contracts.defender.Severity;
import java.time.Instant;
import java.util.UUID;

/**
 * A known alert whose severity went up since it was published, so rules see it again. Not counted by the
 * "each alert published once" guarantee, which is about {@link AlertDetected}. Correlation id = alert id.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertSeverityRaised(
        UUID eventId,
        String correlationId,
        Instant occurredAt,
        int schemaVersion,
        String alertId,
        String machineId,
        Severity severity,
        String title,
        Instant alertCreationTime,
        Instant lastUpdateTime,
        String tenantId,
        Severity previousSeverity,
        DefenderAlert alert) implements AlertNewEvent {

    public AlertSeverityRaised {
        Fields.common("AlertSeverityRaised", eventId, correlationId, occurredAt, schemaVersion);
        Fields.alertId(alertId, "AlertSeverityRaised.alertId");
        Fields.optionalMachineId(machineId, "AlertSeverityRaised.machineId");
        Fields.required(severity, "AlertSeverityRaised.severity");
        Fields.required(title, "AlertSeverityRaised.title");
        Fields.required(alertCreationTime, "AlertSeverityRaised.alertCreationTime");
        Fields.required(lastUpdateTime, "AlertSeverityRaised.lastUpdateTime");
        Fields.required(previousSeverity, "AlertSeverityRaised.previousSeverity");
        Fields.snapshot(alert, alertId, "AlertSeverityRaised.alert");
        if (!severity.isHigherThan(previousSeverity)) {
            throw new IllegalArgumentException("AlertSeverityRaised.severity " + severity
                    + " is not higher than previousSeverity " + previousSeverity);
        }
    }

    /** An event with ids and headline fields only, no snapshot: enrichment reads the alert from Defender. */
    public static AlertSeverityRaised of(String alertId, String machineId, Severity severity, String title,
            Instant alertCreationTime, Instant lastUpdateTime, String tenantId, Severity previousSeverity) {
        return new AlertSeverityRaised(UUID.randomUUID(), alertId, Instant.now(), SCHEMA_VERSION, alertId,
                machineId, severity, title, alertCreationTime, lastUpdateTime, tenantId, previousSeverity, null);
    }

    /** From an alert as the alerts list returns it, carried as the snapshot. */
    public static AlertSeverityRaised from(DefenderAlert alert, Severity previousSeverity) {
        return new AlertSeverityRaised(UUID.randomUUID(), alert.id(), Instant.now(), SCHEMA_VERSION, alert.id(),
                alert.machineId(), alert.severity(), alert.title(), alert.alertCreationTime(),
                alert.lastUpdateTime(), alert.aadTenantId(), previousSeverity, alert);
    }

    /** The same event without its snapshot (the poller drops one that is too large to publish). */
    public AlertSeverityRaised withoutAlert() {
        return new AlertSeverityRaised(eventId, correlationId, occurredAt, schemaVersion, alertId, machineId,
                severity, title, alertCreationTime, lastUpdateTime, tenantId, previousSeverity, null);
    }

    @Override
    public EventType eventType() {
        return EventType.ALERT_SEVERITY_RAISED;
    }
}
