package io.mderesponse.poller.state;

import io.mderesponse.contracts.defender.Severity;
import java.time.Instant;

/** What the poller remembers of an alert it published: enough to skip it, or to see its severity rise. */
public record SeenAlert(Severity severity, Instant lastUpdateTime) {
}
