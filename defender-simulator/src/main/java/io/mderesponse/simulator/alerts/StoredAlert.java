package io.mderesponse.simulator.alerts;

import java.time.Instant;

/** An alert and the moment it becomes visible through the API (its ingestion delay). */
public record StoredAlert(Alert alert, Instant visibleAt) {

    public boolean isVisibleAt(Instant now) {
        return !now.isBefore(visibleAt);
    }
}
