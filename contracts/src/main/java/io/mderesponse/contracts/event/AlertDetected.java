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
        String tenantId,
        DefenderAlert alert) implements AlertNewEvent {

    public AlertDetected {
        Fields.common("AlertDetected", eventId, correlationId, occurredAt, schemaVersion);
        Fields.alertId(alertId, "AlertDetected.alertId");
        Fields.optionalMachineId(machineId, "AlertDetected.machineId");
        Fields.required(severity, "AlertDetected.severity");
        Fields.required(title, "AlertDetected.title");
        Fields.required(alertCreationTime, "AlertDetected.alertCreationTime");
        Fields.required(lastUpdateTime, "AlertDetected.lastUpdateTime");
        Fields.snapshot(alert, alertId, "AlertDetected.alert");
    }

    /** An event with ids and headline fields only, no snapshot: enrichment reads the alert from Defender. */
    public static AlertDetected of(String alertId, String machineId, Severity severity, String title,
            Instant alertCreationTime, Instant lastUpdateTime, String tenantId) {
        return new AlertDetected(UUID.randomUUID(), alertId, Instant.now(), SCHEMA_VERSION, alertId, machineId,
                severity, title, alertCreationTime, lastUpdateTime, tenantId, null);
    }

    /** From an alert as the alerts list returns it, carried as the snapshot; the tenant is its {@code aadTenantId}. */
    public static AlertDetected from(DefenderAlert alert) {
        return new AlertDetected(UUID.randomUUID(), alert.id(), Instant.now(), SCHEMA_VERSION, alert.id(),
                alert.machineId(), alert.severity(), alert.title(), alert.alertCreationTime(),
                alert.lastUpdateTime(), alert.aadTenantId(), alert);
    }

    /** The same event without its snapshot (the poller drops one that is too large to publish). */
    public AlertDetected withoutAlert() {
        return new AlertDetected(eventId, correlationId, occurredAt, schemaVersion, alertId, machineId, severity,
                title, alertCreationTime, lastUpdateTime, tenantId, null);
    }

    @Override
    public EventType eventType() {
        return EventType.ALERT_DETECTED;
    }
}
