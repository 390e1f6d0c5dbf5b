package io.mderesponse.poller.state;

import io.mderesponse.contracts.defender.Severity;
import java.time.Instant;

/**
 * What the poller remembers of an alert: the severity it last published (null when it never published the
 * alert, because every version so far was rejected) and the {@code lastUpdateTime} of the newest version it
 * handled, which also decides when the id is forgotten.
 */
public record SeenAlert(Severity severity, Instant lastUpdateTime) {

    /** Whether an {@code AlertDetected} was published for this alert. */
    public boolean published() {
        return severity != null;
    }

    /** Whether {@code updated} is a version this poller has not handled yet. */
    public boolean isOlderThan(Instant updated) {
        return updated != null && (lastUpdateTime == null || updated.isAfter(lastUpdateTime));
    }
}
