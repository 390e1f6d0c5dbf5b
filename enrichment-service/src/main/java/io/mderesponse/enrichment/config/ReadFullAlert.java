package io.mderesponse.enrichment.config;

/**
 * When enrichment reads an alert from Defender ({@code GET /api/alerts/{id}}) rather than use the snapshot the
 * poller's list put in the event. Written {@code when-missing} and {@code always} in configuration.
 */
public enum ReadFullAlert {

    /** Only for events without a snapshot (ids-only producers, records written before the snapshot existed). */
    WHEN_MISSING,

    /**
     * For every alert: when a rule reads a field only the single read returns ({@code alert.loggedOnUsers},
     * {@code alert.domains}). Costs one call of the alerts family per alert.
     */
    ALWAYS
}
