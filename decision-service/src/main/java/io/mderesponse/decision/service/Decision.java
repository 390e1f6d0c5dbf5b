package io.mderesponse.decision.service;

import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.MachineActionRequested;
import java.util.Objects;
import java.util.Optional;

/** A decision and the machine action it requests, if any; published in that order. */
public record Decision(DecisionMade decision, Optional<MachineActionRequested> request) {

    public Decision {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(request, "request");
    }
}
