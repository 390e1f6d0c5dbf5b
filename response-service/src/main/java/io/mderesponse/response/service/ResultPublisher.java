package io.mderesponse.response.service;

import io.mderesponse.contracts.event.MachineActionCompleted;

/** Publishes a final result; returns once Kafka acknowledged it, throws when it could not. */
public interface ResultPublisher {

    void publish(MachineActionCompleted result);
}
