package io.mderesponse.contracts.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.mderesponse.contracts.defender.DefenderAlert;
import io.mderesponse.contracts.defender.Severity;
import java.time.Instant;
import java.util.UUID;

/** A Defender alert seen for the first time; published once per alert id. Correlation id = alert id. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertDetected(
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
        String tenantId) implements AlertNewEvent {

    public AlertDetected {
        Fields.common("AlertDetected", eventId, correlationId, occurredAt, schemaVersion);
        Fields.alertId(alertId, "AlertDetected.alertId");
        Fields.optionalMachineId(machineId, "AlertDetected.machineId");
        Fields.required(severity, "AlertDetected.severity");
        Fields.required(title, "AlertDetected.title");
        Fields.required(alertCreationTime, "AlertDetected.alertCreationTime");
        Fields.required(lastUpdateTime, "AlertDetected.lastUpdateTime");
    }

    public static AlertDetected of(String alertId, String machineId, Severity severity, String title,
            Instant alertCreationTime, Instant lastUpdateTime, String tenantId) {
        return new AlertDetected(UUID.randomUUID(), alertId, Instant.now(), SCHEMA_VERSION, alertId, machineId,
                severity, title, alertCreationTime, lastUpdateTime, tenantId);
    }

    /** From an alert as the alerts list returns it; the tenant is its {@code aadTenantId}. */
    public static AlertDetected from(DefenderAlert alert) {
        return of(alert.id(), alert.machineId(), alert.severity(), alert.title(), alert.alertCreationTime(),
                alert.lastUpdateTime(), alert.aadTenantId());
    }

    @Override
    public EventType eventType() {
        return EventType.ALERT_DETECTED;
    }
}
