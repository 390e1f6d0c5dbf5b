package io.mderesponse.contracts.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.mderesponse.contracts.defender.DefenderAlert;
import io.mderesponse.contracts.defender.DefenderMachine;
import java.time.Instant;
import java.util.UUID;

/**
 * The full alert (with evidence) and its machine, ready for rules. Correlation id = alert id.
 *
 * <p>The ids inside the Defender entities are checked here too, since consumers use them in URLs and keys.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AlertEnriched(
        UUID eventId,
        String correlationId,
        Instant occurredAt,
        int schemaVersion,
        DefenderAlert alert,
        DefenderMachine machine) implements EnrichedEvent {

    public AlertEnriched {
        Fields.common("AlertEnriched", eventId, correlationId, occurredAt, schemaVersion);
        Fields.required(alert, "AlertEnriched.alert");
        Fields.alertId(alert.id(), "AlertEnriched.alert.id");
        Fields.optionalMachineId(alert.machineId(), "AlertEnriched.alert.machineId");
        if (machine != null) {
            Fields.machineId(machine.id(), "AlertEnriched.machine.id");
        }
    }

    /** {@code machine} is null when the alert has no machine. */
    public static AlertEnriched of(DefenderAlert alert, DefenderMachine machine) {
        return new AlertEnriched(UUID.randomUUID(), alert.id(), Instant.now(), SCHEMA_VERSION, alert, machine);
    }

    @Override
    public EventType eventType() {
        return EventType.ALERT_ENRICHED;
    }

    /** Keyed by machine id, else alert id, so each machine's events stay in order in one partition. */
    @Override
    public String kafkaKey() {
        if (machine != null) {
            return machine.id();
        }
        return alert.machineId() != null ? alert.machineId() : alert.id();
    }
}
