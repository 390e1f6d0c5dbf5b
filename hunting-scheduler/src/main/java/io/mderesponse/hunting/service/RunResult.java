package io.mderesponse.hunting.service;

import io.mderesponse.contracts.event.HuntingRowFound;
import io.mderesponse.hunting.state.HuntingState;
import java.util.List;

/**
 * What one successful run publishes in one transaction: the new rows and the state change (their keys, the run
 * time, rows forgotten after the retention).
 *
 * @param duplicates rows the run found that were published before (or twice in this answer)
 * @param withoutDevice new rows without a valid device id (published, never acted on)
 */
public record RunResult(String queryId, List<HuntingRowFound> rows, HuntingState.Update update, int rowsRead,
        int duplicates, int withoutDevice) {

    public RunResult {
        rows = List.copyOf(rows);
    }
}
