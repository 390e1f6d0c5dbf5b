package io.mderesponse.contracts.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.Map;

/**
 * One result row of a scheduled advanced hunting query, as carried inside {@link HuntingRowEnriched}.
 *
 * @param rowKey a stable key of the row (query id plus its identifying columns), chosen by the scheduler
 * @param deviceId the row's machine id, or null when the row names none
 * @param row the row's columns as Defender returned them; values may be null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HuntingRow(String queryId, Instant runTime, String rowKey, String deviceId, Map<String, Object> row) {

    public HuntingRow {
        Fields.requiredText(queryId, "HuntingRow.queryId");
        Fields.required(runTime, "HuntingRow.runTime");
        Fields.requiredText(rowKey, "HuntingRow.rowKey");
        Fields.optionalMachineId(deviceId, "HuntingRow.deviceId");
        row = Fields.map(row, "HuntingRow.row");
    }
}
