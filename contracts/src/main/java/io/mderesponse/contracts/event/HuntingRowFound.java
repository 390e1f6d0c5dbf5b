package io.mderesponse.contracts.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A new row of a scheduled advanced hunting query. Correlation id = row key. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HuntingRowFound(
        UUID eventId,
        String correlationId,
        Instant occurredAt,
        int schemaVersion,
        String queryId,
        Instant runTime,
        String rowKey,
        String deviceId,
        Map<String, Object> row) implements Event {

    public HuntingRowFound {
        Fields.common("HuntingRowFound", eventId, correlationId, occurredAt, schemaVersion);
        Fields.requiredText(queryId, "HuntingRowFound.queryId");
        Fields.required(runTime, "HuntingRowFound.runTime");
        Fields.requiredText(rowKey, "HuntingRowFound.rowKey");
        Fields.optionalMachineId(deviceId, "HuntingRowFound.deviceId");
        row = Fields.map(row, "HuntingRowFound.row");
    }

    public static HuntingRowFound of(String queryId, Instant runTime, String rowKey, String deviceId,
            Map<String, Object> row) {
        return new HuntingRowFound(UUID.randomUUID(), rowKey, Instant.now(), SCHEMA_VERSION, queryId, runTime,
                rowKey, deviceId, row);
    }

    /** The row as enrichment passes it on in {@link HuntingRowEnriched}. */
    public HuntingRow huntingRow() {
        return new HuntingRow(queryId, runTime, rowKey, deviceId, row);
    }

    @Override
    public EventType eventType() {
        return EventType.HUNTING_ROW_FOUND;
    }

    /** Keyed by device id, else row key. */
    @Override
    public String kafkaKey() {
        return deviceId != null ? deviceId : rowKey;
    }
}
