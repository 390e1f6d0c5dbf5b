package io.mderesponse.hunting.service;

import java.time.Instant;

/** Runs one KQL query over the window from {@code start} to {@code end}, through the configured hunting API. */
@FunctionalInterface
public interface HuntingQueries {

    /**
     * @throws io.mderesponse.defender.client.error.DefenderApiException when the call fails (typed: 400, 429, ...)
     */
    HuntingAnswer run(String kql, Instant start, Instant end);
}
