package io.mderesponse.enrichment.service;

/**
 * What became of one record's enrichment under the Defender budget; the Kafka adapter acts on it (publish and
 * acknowledge, defer and acknowledge, or leave the record unacknowledged).
 *
 * @param <T> the enriched event
 */
public sealed interface EnrichmentOutcome<T> {

    /** Enriched: publish {@code result}; it cost {@code calls} Defender requests (retries included). */
    record Enriched<T>(T result, int calls) implements EnrichmentOutcome<T> {
    }

    /** Low-priority work that found the budget short: put it aside until the budget has room. */
    record Defer<T>(String reason) implements EnrichmentOutcome<T> {
    }

    /**
     * The service stops (or the worker was interrupted) while the record waits for budget: leave it
     * unacknowledged, so it is read again after the restart. {@code what} names the record for the log.
     */
    record LeaveForRestart<T>(String what) implements EnrichmentOutcome<T> {
    }
}
