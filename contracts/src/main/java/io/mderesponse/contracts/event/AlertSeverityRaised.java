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
        Severity previousSeverity) implements AlertNewEvent {

    public AlertSeverityRaised {
        Fields.common("AlertSeverityRaised", eventId, correlationId, occurredAt, schemaVersion);
        Fields.alertId(alertId, "AlertSeverityRaised.alertId");
        Fields.optionalMachineId(machineId, "AlertSeverityRaised.machineId");
        Fields.required(severity, "AlertSeverityRaised.severity");
        Fields.required(title, "AlertSeverityRaised.title");
        Fields.required(alertCreationTime, "AlertSeverityRaised.alertCreationTime");
        Fields.required(lastUpdateTime, "AlertSeverityRaised.lastUpdateTime");
        Fields.required(previousSeverity, "AlertSeverityRaised.previousSeverity");
        if (!severity.isHigherThan(previousSeverity)) {
            throw new IllegalArgumentException("AlertSeverityRaised.severity " + severity
                    + " is not higher than previousSeverity " + previousSeverity);
        }
    }

    public static AlertSeverityRaised of(String alertId, String machineId, Severity severity, String title,
            Instant alertCreationTime, Instant lastUpdateTime, String tenantId, Severity previousSeverity) {
        return new AlertSeverityRaised(UUID.randomUUID(), alertId, Instant.now(), SCHEMA_VERSION, alertId,
                machineId, severity, title, alertCreationTime, lastUpdateTime, tenantId, previousSeverity);
    }

    public static AlertSeverityRaised from(DefenderAlert alert, Severity previousSeverity) {
        return of(alert.id(), alert.machineId(), alert.severity(), alert.title(), alert.alertCreationTime(),
                alert.lastUpdateTime(), alert.aadTenantId(), previousSeverity);
    }

    @Override
    public EventType eventType() {
        return EventType.ALERT_SEVERITY_RAISED;
    }
}
