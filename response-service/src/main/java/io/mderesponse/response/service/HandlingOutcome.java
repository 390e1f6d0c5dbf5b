package io.mderesponse.response.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What handling a request came to: done (its record may be committed), held to be tried again later, or waiting
 * for the actions before it in its plan.
 */
public sealed interface HandlingOutcome {

    /** Settled or tracked: the record may be committed. */
    HandlingOutcome DONE = new Done();

    record Done() implements HandlingOutcome {
    }

    /**
     * Not done and not droppable: the record stays uncommitted and the same request is tried again later.
     *
     * @param reason for logs and the health check
     * @param missingPermission for {@link HoldKind#AUTHORIZATION}: the permission Defender asked for, if known
     * @param notBefore the earliest sensible retry (a Retry-After), or null
     */
    record Held(HoldKind kind, String reason, String missingPermission, Duration notBefore)
            implements HandlingOutcome {

        public Held {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Not started yet because an action before it in its decision's plan has not begun: the record stays
     * uncommitted and the request is looked at again soon, without pausing consumption (other machines go on).
     *
     * @param reason for logs
     * @param until when the request is started anyway ({@code response.order-wait} after it arrived)
     */
    record Waiting(String reason, Instant until) implements HandlingOutcome {

        public Waiting {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(until, "until");
        }
    }

    /** Why a request is held. */
    enum HoldKind {
        /** Defender refused our credentials or permissions (401, 403): an operator must act; readiness is DOWN. */
        AUTHORIZATION,
        /** Throttled, unavailable, a 5xx, Kafka unreachable, or waiting out the in-flight grace. */
        TRANSIENT
    }
}
