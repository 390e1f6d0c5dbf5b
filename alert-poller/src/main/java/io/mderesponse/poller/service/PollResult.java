package io.mderesponse.poller.service;

import io.mderesponse.contracts.event.AlertNewEvent;
import io.mderesponse.poller.state.PollerState.StateUpdate;
import java.util.List;

/**
 * What one page of a poll produced, committed in one transaction: the events to publish, the alerts that could
 * not be read (for the poller's dead letter topic), and the state change to commit with them.
 *
 * @param alertsRead alerts on the page that were not read before in this poll
 * @param duplicates alerts already published that yielded no event
 * @param forgottenReappeared alerts older than the retention that changed again (no event)
 */
public record PollResult(List<AlertNewEvent> events, List<RejectedAlert> rejected, StateUpdate update,
        int alertsRead, int duplicates, int forgottenReappeared) {

    public PollResult {
        events = List.copyOf(events);
        rejected = List.copyOf(rejected);
    }

    /** Whether committing this result would change anything. */
    public boolean isEmpty() {
        return events.isEmpty() && rejected.isEmpty() && update.isEmpty();
    }

    /** An alert (or a whole answer) of Defender that the poller refused, as JSON, with the reason. */
    public record RejectedAlert(String json, String reason) {
    }
}
