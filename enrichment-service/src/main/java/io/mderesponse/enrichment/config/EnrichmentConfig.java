package io.mderesponse.enrichment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the enrichment service saves Defender calls. */
@ConfigMapping(prefix = "enrichment")
public interface EnrichmentConfig {

    /**
     * How long a machine read from Defender is reused for further alerts of the same machine (a machine Defender
     * does not know, too). Longer saves calls of the machines family; shorter sees tag and group changes (which
     * exclusions use) sooner. The default covers one budget-paced storm (1,000 alerts read one by one at the
     * default share of 80 a minute take about 13 minutes) so each machine is read once, and bounds how stale a
     * machine's tags may be to 15 minutes. {@code 0s} turns the cache off.
     */
    @WithDefault("15m")
    Duration machineCacheTtl();

    /** The most machines kept; the least recently used go first. */
    @WithDefault("10000")
    int machineCacheSize();

    /**
     * When to read the alert from Defender instead of using the copy the poller's list put in the event:
     * {@code when-missing} (only events without one) or {@code always}. The list lacks {@code loggedOnUsers} and
     * {@code domains}: set {@code always} when a rule reads one of them (decision-service warns at rule load).
     */
    @WithDefault("when-missing")
    ReadFullAlert readFullAlert();
}
