package io.mderesponse.response.service;

import io.mderesponse.contracts.event.FinalStatus;
import io.mderesponse.contracts.event.MachineActionKind;

/** What the service counts; a no-op where no metrics registry is wired. */
public interface ResponseMetrics {

    ResponseMetrics NONE = new ResponseMetrics() {
    };

    /** A request ended with {@code status} (and its result is published); {@code type} is Defender's, e.g. Isolate. */
    default void completed(String type, FinalStatus status) {
    }

    /**
     * Defender refused a request of {@code kind} for a missing application permission (a 403 for a kind other
     * than isolation, settled as Rejected).
     */
    default void permissionMissing(MachineActionKind kind) {
    }

    /** A request was started although an action before it in its plan had not begun within the order wait. */
    default void orderWaitExpired(MachineActionKind kind) {
    }
}
