package io.mderesponse.response.service;

import io.mderesponse.contracts.event.MachineActionCompleted;
import io.mderesponse.contracts.event.ResponseActionCompleted;

/** Publishes a final result; returns once Kafka acknowledged it, throws when it could not. */
public interface ResultPublisher {

    /** The result of an isolation request, on {@code defender.actions.results}. */
    void publish(MachineActionCompleted result);

    /** The result of a request of another kind, on {@code defender.response-actions.results}. */
    void publish(ResponseActionCompleted result);
}
