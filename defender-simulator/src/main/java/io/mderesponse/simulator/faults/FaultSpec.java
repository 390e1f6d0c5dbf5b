package io.mderesponse.simulator.faults;

import com.fasterxml.jackson.annotation.JsonFormat;

/**
 * A fault as the admin API receives it. {@code match} is an API family name ({@code alerts}, {@code machines},
 * {@code machineactions}, {@code isolate}, {@code advancedqueries}, {@code graphhunting}, {@code token}), {@code *}
 * for every API call, or otherwise a regular expression searched in the path; unset, {@code *}, and for
 * {@code cpuQuota} and {@code resultTooLarge} both hunting APIs. {@code count} limits how many calls it affects.
 */
public record FaultSpec(
        String match,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_VALUES) FaultKind kind,
        Integer status,
        String delay,
        Integer retryAfterSeconds,
        Integer count,
        String errorCode,
        String message) {
}
