package io.mderesponse.response.service;

import io.mderesponse.contracts.event.FinalStatus;
import io.mderesponse.response.state.ActionRequest;
import io.mderesponse.response.state.RequestProgress;
import io.mderesponse.response.state.StateWriter;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Ends a request: publishes its result (as the completion of the event type it came as), then records that it is
 * out (so it is never acted on again), then drops its intent. In that order, so a crash between two steps repeats
 * the result (with the same event id) rather than losing it.
 */
public final class RequestCompletion {

    private static final Logger LOG = Logger.getLogger(RequestCompletion.class);

    private final ActionResults results;
    private final ResultPublisher publisher;
    private final StateWriter state;
    private final ResponseMetrics metrics;
    private final Clock clock;

    public RequestCompletion(ActionResults results, ResultPublisher publisher, StateWriter state,
            ResponseMetrics metrics, Clock clock) {
        this.results = results;
        this.publisher = publisher;
        this.state = state;
        this.metrics = metrics;
        this.clock = clock;
    }

    public void complete(ActionRequest request, String machineActionId, FinalStatus status, String reason,
            Instant requestedAt) {
        Instant completedAt = clock.instant();
        if (request.isV1()) {
            publisher.publish(results.result(request.isolation(), machineActionId, status, reason, requestedAt,
                    completedAt));
        } else {
            publisher.publish(results.result(request.response(), machineActionId, status, reason, requestedAt,
                    completedAt));
        }
        state.recordProgress(RequestProgress.completed(request, machineActionId, requestedAt, status, reason,
                completedAt));
        state.forgetIntent(request.requestId());
        metrics.completed(request.defenderType(), status);
        LOG.infof("Completed %s correlation=%s action=%s status=%s%s", request.describe(), request.correlationId(),
                machineActionId, status, reason == null ? "" : " reason=" + reason);
    }
}
