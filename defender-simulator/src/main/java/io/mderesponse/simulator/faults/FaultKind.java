package io.mderesponse.simulator.faults;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What an injected fault does to the calls it matches. */
public enum FaultKind {
    /** Waits {@code delay}, then handles the call normally. */
    @JsonProperty("latency") LATENCY,
    /** Answers {@code status} with the error body ({@code errorCode}, {@code message}), after an optional delay. */
    @JsonProperty("status") STATUS,
    /** Answers 429 with {@code Retry-After: retryAfterSeconds}. */
    @JsonProperty("rateLimit") RATE_LIMIT,
    /** Holds the call open for {@code delay} without answering, then closes the connection. */
    @JsonProperty("hang") HANG,
    /** Advanced hunting's CPU quota: 429 whose body says it is the CPU quota, not the call count. */
    @JsonProperty("cpuQuota") CPU_QUOTA,
    /** Advanced hunting's 400 for a result above the allowed size. */
    @JsonProperty("resultTooLarge") RESULT_TOO_LARGE
}
