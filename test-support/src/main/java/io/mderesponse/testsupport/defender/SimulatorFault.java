package io.mderesponse.testsupport.defender;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A fault to inject into the simulator's API calls ({@code POST /admin/faults}).
 *
 * @param match an API family ({@code alerts}, {@code machines}, {@code machineactions}, {@code isolate},
 *     {@code advancedqueries}, {@code graphhunting}, {@code token}), {@code *} for every API call, or a regular
 *     expression searched in the path (e.g. an alert id, so parallel tests do not disturb each other); null: the
 *     simulator's default ({@code *}, both hunting APIs for {@code cpuQuota} and {@code resultTooLarge})
 * @param kind {@code latency}, {@code status}, {@code rateLimit}, {@code hang}, {@code cpuQuota} or
 *     {@code resultTooLarge}
 * @param count how many calls it affects; null for all until removed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SimulatorFault(String match, String kind, Integer status, String delay, Integer retryAfterSeconds,
        Integer count, String errorCode, String message) {

    /** Answers {@code status} (with the documented error body) to the next {@code count} matching calls. */
    public static SimulatorFault status(String match, int status, Integer count) {
        return new SimulatorFault(match, "status", status, null, null, count, null, null);
    }

    /** Answers 429 with {@code Retry-After: retryAfterSeconds} to the next {@code count} matching calls. */
    public static SimulatorFault rateLimit(String match, int retryAfterSeconds, Integer count) {
        return new SimulatorFault(match, "rateLimit", null, null, retryAfterSeconds, count, null, null);
    }

    /** Holds the next {@code count} matching calls open for {@code delay} (e.g. {@code 5s}), then closes them. */
    public static SimulatorFault hang(String match, String delay, Integer count) {
        return new SimulatorFault(match, "hang", null, delay, null, count, null, null);
    }

    /** Delays the next {@code count} matching calls by {@code delay}, then answers them normally. */
    public static SimulatorFault latency(String match, String delay, Integer count) {
        return new SimulatorFault(match, "latency", null, delay, null, count, null, null);
    }

    /**
     * Advanced hunting's CPU quota: 429 with {@code Retry-After: retryAfterSeconds} and a body saying it is the CPU
     * quota (not the call count), to the next {@code count} hunting queries of either API (Defender's or Graph's).
     */
    public static SimulatorFault cpuQuota(int retryAfterSeconds, Integer count) {
        return new SimulatorFault(null, "cpuQuota", null, null, retryAfterSeconds, count, null, null);
    }

    /**
     * Hunting's 400 "Query execution has exceeded the allowed result size" to the next {@code count} queries of either
     * API.
     */
    public static SimulatorFault resultTooLarge(Integer count) {
        return new SimulatorFault(null, "resultTooLarge", null, null, null, count, null, null);
    }

    /** This fault with Defender's error code and message set, e.g. {@code ActiveRequestAlreadyExists}. */
    public SimulatorFault withError(String code, String text) {
        return new SimulatorFault(match, kind, status, delay, retryAfterSeconds, count, code, text);
    }
}
