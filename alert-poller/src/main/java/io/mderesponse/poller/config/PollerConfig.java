package io.mderesponse.poller.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the alert poller asks Defender for new alerts, who polls, and what it remembers. */
@ConfigMapping(prefix = "poller")
public interface PollerConfig {

    /** Time between two polls. Each poll costs at least one call of the alerts family (100 per minute). */
    @WithDefault("30s")
    Duration interval();

    /**
     * How far before the watermark each poll starts again, so alerts that become visible late (Defender's
     * ingestion lag) are still found; ids already published are skipped. Must exceed the longest ingestion
     * delay plus the clock difference between Defender and this service.
     */
    @WithDefault("5m")
    Duration overlap();

    /** Alerts per page ({@code $top}); 2 to 10,000, Defender's maximum (each page re-reads one alert). */
    @WithDefault("500")
    int pageSize();

    /**
     * The largest alert, in bytes of its JSON (evidence included), carried whole in the {@code alert} field of
     * {@code AlertDetected} and {@code AlertSeverityRaised}, so enrichment need not read it again. A larger alert
     * is published without it (logged, counted in {@code alert_poller_snapshots_left_out_total}) and enrichment
     * reads it from Defender: a huge evidence list must not stall the poller's transaction. {@code 0} never
     * carries one.
     */
    @WithDefault("65536")
    int snapshotMaxBytes();

    /** How far back the very first poll looks, when Kafka holds no watermark yet. */
    @WithDefault("1h")
    Duration initialLookback();

    /**
     * How long the active poller may be silent before a standby takes over: the {@code session.timeout.ms} of
     * the leadership consumer. The broker accepts 6s to 30m by default. A standby takes over within
     * {@code interval} plus this.
     */
    @WithDefault("10s")
    Duration sessionTimeout();

    /**
     * How long an alert id is remembered after its last change (measured against the watermark). Older ids are
     * deleted from the state topic; an alert unchanged for longer that changes again is not announced again.
     * Must be longer than {@code overlap}.
     */
    @WithDefault("30d")
    Duration seenRetention();

    /**
     * The active poller reports readiness DOWN when no poll has completed for this long, and liveness DOWN when
     * one poll has been running for this long (a stuck poll thread).
     */
    @WithDefault("10m")
    Duration unhealthyAfter();
}
