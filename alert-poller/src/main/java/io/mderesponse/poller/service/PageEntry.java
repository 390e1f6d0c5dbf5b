package io.mderesponse.poller.service;

import io.mderesponse.contracts.defender.DefenderAlert;
import java.time.Instant;
import java.util.Objects;

/**
 * One alert of a page of {@code GET /api/alerts}: either read ({@code alert}), or not readable, with its raw JSON
 * and the reason. Id and {@code lastUpdateTime} are what paging needs; for an unreadable alert they are what
 * could be read of its JSON (each may be null).
 */
public record PageEntry(String id, Instant lastUpdateTime, DefenderAlert alert, String rawJson,
        String rejectReason) {

    public static PageEntry of(DefenderAlert alert) {
        return new PageEntry(alert.id(), alert.lastUpdateTime(), Objects.requireNonNull(alert), null, null);
    }

    public static PageEntry unreadable(String id, Instant lastUpdateTime, String rawJson, String reason) {
        return new PageEntry(id, lastUpdateTime, null, Objects.requireNonNull(rawJson),
                Objects.requireNonNull(reason));
    }

    public boolean readable() {
        return alert != null;
    }

    /** What tells this entry apart from the others of a page: its id, else its raw JSON. */
    public String key() {
        return id != null ? id : rawJson;
    }
}
