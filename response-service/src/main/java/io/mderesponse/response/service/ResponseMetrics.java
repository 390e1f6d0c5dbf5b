package io.mderesponse.response.service;

import io.mderesponse.contracts.event.FinalStatus;
import io.mderesponse.contracts.event.MachineActionType;

/** What the service counts; a no-op where no metrics registry is wired. */
public interface ResponseMetrics {

    ResponseMetrics NONE = (type, status) -> { };

    /** A request ended with {@code status} (and its result is published). */
    void completed(MachineActionType type, FinalStatus status);
}
