package io.mderesponse.response.service;

import io.mderesponse.contracts.event.FinalStatus;
import io.mderesponse.contracts.event.MachineActionCompleted;
import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.response.state.RequestProgress;
import io.mderesponse.response.state.StateWriter;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Ends a request: publishes its result, then records that it is out (so it is never acted on again), then
 * drops its intent. In that order, so a crash between two steps repeats the result (with the same event id)
 * rather than losing it.
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

    public void complete(MachineActionRequested request, String machineActionId, FinalStatus status, String reason,
            Instant requestedAt) {
        Instant completedAt = clock.instant();
        MachineActionCompleted result = results.result(request, machineActionId, status, reason, requestedAt,
                completedAt);
        publisher.publish(result);
        state.recordProgress(RequestProgress.completed(request, machineActionId, requestedAt, status, reason,
                completedAt));
        state.forgetIntent(request.requestId());
        metrics.completed(request.type(), status);
        LOG.infof("Completed %s of machine=%s request=%s correlation=%s action=%s status=%s%s", request.type(),
                request.machineId(), request.requestId(), request.correlationId(), machineActionId, status,
                reason == null ? "" : " reason=" + reason);
    }
}
