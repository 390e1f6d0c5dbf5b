package io.mderesponse.poller.service;

import io.mderesponse.contracts.event.AlertNewEvent;
import io.mderesponse.poller.state.PollerState.StateUpdate;
import java.util.List;

/**
 * What one poll found: the events to publish, the alerts that could not be read (for the poller's dead letter
 * topic), and the state change to commit with them.
 */
public record PollResult(List<AlertNewEvent> events, List<RejectedAlert> rejected, StateUpdate update,
        int alertsRead, int pages) {

    public PollResult {
        events = List.copyOf(events);
        rejected = List.copyOf(rejected);
    }

    /** An alert of Defender's answer that the poller refused, as JSON, with the reason. */
    public record RejectedAlert(String json, String reason) {
    }
}
