package io.mderesponse.hunting.config;

/** Which API the hunting queries run through ({@code hunting.api}). */
public enum HuntingApi {
    /**
     * Microsoft Graph's {@code POST /v1.0/security/runHuntingQuery} (permission {@code ThreatHunting.Read.All} of
     * Microsoft Graph): the default, and the only one after 1 February 2027.
     */
    GRAPH,
    /**
     * Defender's {@code POST /api/advancedqueries/run} (permission {@code AdvancedQuery.Read.All} of
     * WindowsDefenderATP): retiring since January 2026 (MC1220762), returns no data from 1 February 2027.
     */
    DEFENDER;

    /** The value as configured, e.g. {@code graph}. */
    public String configValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
