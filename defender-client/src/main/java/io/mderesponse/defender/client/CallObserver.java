package io.mderesponse.defender.client;

import io.mderesponse.defender.client.budget.CallPriority;
import java.time.Duration;

/** What the client reports about its calls, for metrics; a seam so unit tests need no registry. */
interface CallObserver {

    CallObserver NONE = new CallObserver() {
    };

    /** One request sent and ended: {@code status} is the HTTP status, {@code 2xx}, or {@code none} (no answer). */
    default void called(DefenderOperation operation, String status) {
    }

    /** A token was taken after waiting this long (zero: at once). */
    default void waited(ApiFamily family, CallPriority priority, Duration waited) {
    }

    /** No token came in time: the call failed without being sent. */
    default void exhausted(ApiFamily family, CallPriority priority) {
    }
}
