package io.mderesponse.decision.messaging;

import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.decision.service.Decision;
import io.mderesponse.decision.metrics.DecisionMetrics;
import io.mderesponse.service.messaging.EventRecords;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Publishes a decision, then its request, each waiting for the broker's acknowledgement. */
@ApplicationScoped
public class DecisionPublisher {

    public static final String DECISIONS = "decisions";
    public static final String ACTIONS_REQUESTED = "actions-requested";

    private final MutinyEmitter<DecisionMade> decisions;
    private final MutinyEmitter<MachineActionRequested> requests;
    private final DecisionMetrics metrics;

    public DecisionPublisher(@Channel(DECISIONS) MutinyEmitter<DecisionMade> decisions,
            @Channel(ACTIONS_REQUESTED) MutinyEmitter<MachineActionRequested> requests, DecisionMetrics metrics) {
        this.decisions = decisions;
        this.requests = requests;
        this.metrics = metrics;
    }

    public void publish(Decision decision) {
        decisions.sendMessageAndAwait(EventRecords.keyed(decision.decision()));
        metrics.published(decision.decision());
        decision.request().ifPresent(request -> requests.sendMessageAndAwait(EventRecords.keyed(request)));
    }
}
