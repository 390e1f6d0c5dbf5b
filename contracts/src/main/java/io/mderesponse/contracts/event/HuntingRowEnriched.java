package io.mderesponse.contracts.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.mderesponse.contracts.defender.DefenderMachine;
import java.time.Instant;
import java.util.UUID;

/** A hunting row with the machine of its device id, ready for rules. Correlation id = row key. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HuntingRowEnriched(
        UUID eventId,
        String correlationId,
        Instant occurredAt,
        int schemaVersion,
        HuntingRow row,
        DefenderMachine machine) implements EnrichedEvent {

    public HuntingRowEnriched {
        Fields.common("HuntingRowEnriched", eventId, correlationId, occurredAt, schemaVersion);
        Fields.required(row, "HuntingRowEnriched.row");
        if (machine != null) {
            Fields.machineId(machine.id(), "HuntingRowEnriched.machine.id");
        }
    }

    /** {@code machine} is null when the row has no device id (or the device is unknown). */
    public static HuntingRowEnriched of(HuntingRowFound found, DefenderMachine machine) {
        return new HuntingRowEnriched(UUID.randomUUID(), found.correlationId(), Instant.now(), SCHEMA_VERSION,
                found.huntingRow(), machine);
    }

    @Override
    public EventType eventType() {
        return EventType.HUNTING_ROW_ENRICHED;
    }

    /** Keyed by machine id, else row key. */
    @Override
    public String kafkaKey() {
        if (machine != null) {
            return machine.id();
        }
        return row.deviceId() != null ? row.deviceId() : row.rowKey();
    }
}
