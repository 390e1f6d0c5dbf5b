package io.mderesponse.response.service;

import java.time.Duration;
import java.util.Objects;

/** What handling a request came to: done (its record may be committed), or held to be tried again later. */
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

    /** Why a request is held. */
    enum HoldKind {
        /** Defender refused our credentials or permissions (401, 403): an operator must act; readiness is DOWN. */
        AUTHORIZATION,
        /** Throttled, unavailable, a 5xx, Kafka unreachable, or waiting out the in-flight grace. */
        TRANSIENT
    }
}
