package io.mderesponse.enrichment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the enrichment service saves Defender calls. */
@ConfigMapping(prefix = "enrichment")
public interface EnrichmentConfig {

    /**
     * How long a machine read from Defender is reused for further alerts of the same machine (a machine Defender
     * does not know, too). Longer saves calls of the machines family; shorter sees tag and group changes sooner.
     * {@code 0s} turns the cache off.
     */
    @WithDefault("5m")
    Duration machineCacheTtl();

    /** The most machines kept; the least recently used go first. */
    @WithDefault("10000")
    int machineCacheSize();
}
