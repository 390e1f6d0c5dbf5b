package io.mderesponse.decision.service;

import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.Event;
import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.contracts.event.ResponseActionRequested;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A decision and the requests that carry out its plan, in plan order: v1 {@link MachineActionRequested}s for
 * isolation kinds, {@link ResponseActionRequested}s for the others. Published in that order, the decision first.
 */
public record Decision(DecisionMade decision, List<Event> requests) {

    public Decision {
        Objects.requireNonNull(decision, "decision");
        requests = List.copyOf(requests);
        for (Event request : requests) {
            if (!(request instanceof MachineActionRequested) && !(request instanceof ResponseActionRequested)) {
                throw new IllegalArgumentException("Not a machine action request: " + request.eventType());
            }
        }
    }

    /** A decision that requests nothing (no match, dry run, stopped by a guard, denied, ...). */
    public static Decision withoutRequests(DecisionMade decision) {
        return new Decision(decision, List.of());
    }

    /** A decision with one request per action of its plan, on its machine, in plan order. */
    public static Decision requesting(DecisionMade decision) {
        return new Decision(decision, Requests.of(decision));
    }

    /** The first isolation or unisolation request, if any. */
    public Optional<MachineActionRequested> request() {
        return requests.stream().filter(MachineActionRequested.class::isInstance)
                .map(MachineActionRequested.class::cast).findFirst();
    }
}
