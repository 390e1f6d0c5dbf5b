package io.mderesponse.poller.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the alert poller asks Defender for new alerts. */
@ConfigMapping(prefix = "poller")
public interface PollerConfig {

    /** Time between two polls. Each poll costs at least one call of the alerts family (100 per minute). */
    @WithDefault("30s")
    Duration interval();

    /**
     * How far before the watermark each poll starts again, so alerts that become visible late (Defender's
     * ingestion lag) are still found; ids already published are skipped.
     */
    @WithDefault("5m")
    Duration overlap();

    /** Alerts per page ({@code $top}); 1 to 10,000, Defender's maximum. */
    @WithDefault("500")
    int pageSize();

    /** How far back the very first poll looks, when Kafka holds no watermark yet. */
    @WithDefault("1h")
    Duration initialLookback();
}
