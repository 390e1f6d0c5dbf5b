package io.mderesponse.decision.messaging;

import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.Event;
import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.contracts.event.ResponseActionRequested;
import io.mderesponse.decision.metrics.DecisionMetrics;
import io.mderesponse.decision.service.Decision;
import io.mderesponse.service.messaging.EventRecords;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * Publishes a decision, then its requests in plan order (isolation kinds on {@code defender.actions.requested}, the
 * others on {@code defender.response-actions.requested}), each waiting for the broker's acknowledgement before the
 * next is sent, so they reach their topics in plan order. Not one Kafka transaction: a crash part-way leaves the
 * enriched record unacknowledged, and its redelivery publishes the decision and every request again under the same
 * request ids, which the response service carries out at most once each.
 */
@ApplicationScoped
public class DecisionPublisher {

    public static final String DECISIONS = "decisions";
    public static final String ACTIONS_REQUESTED = "actions-requested";
    public static final String RESPONSE_ACTIONS_REQUESTED = "response-actions-requested";

    private final MutinyEmitter<DecisionMade> decisions;
    private final MutinyEmitter<MachineActionRequested> requests;
    private final MutinyEmitter<ResponseActionRequested> responseRequests;
    private final DecisionMetrics metrics;

    public DecisionPublisher(@Channel(DECISIONS) MutinyEmitter<DecisionMade> decisions,
            @Channel(ACTIONS_REQUESTED) MutinyEmitter<MachineActionRequested> requests,
            @Channel(RESPONSE_ACTIONS_REQUESTED) MutinyEmitter<ResponseActionRequested> responseRequests,
            DecisionMetrics metrics) {
        this.decisions = decisions;
        this.requests = requests;
        this.responseRequests = responseRequests;
        this.metrics = metrics;
    }

    public void publish(Decision decision) {
        decisions.sendMessageAndAwait(EventRecords.keyed(decision.decision()));
        metrics.published(decision.decision());
        for (Event request : decision.requests()) {
            if (request instanceof MachineActionRequested isolation) {
                requests.sendMessageAndAwait(EventRecords.keyed(isolation));
            } else {
                responseRequests.sendMessageAndAwait(EventRecords.keyed((ResponseActionRequested) request));
            }
        }
    }
}
