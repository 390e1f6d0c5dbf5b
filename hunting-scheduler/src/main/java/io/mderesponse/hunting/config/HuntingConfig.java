package io.mderesponse.hunting.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Which hunting queries run, how often the schedule is checked, and what the scheduler remembers. */
@ConfigMapping(prefix = "hunting")
public interface HuntingConfig {

    /**
     * The YAML file of scheduled queries (e.g. a mounted ConfigMap). Unset: the service runs no query. A file that
     * is missing or invalid stops the service at start.
     */
    Optional<String> path();

    /**
     * The API the queries run through: {@code graph} (Microsoft Graph's {@code runHuntingQuery}, needs
     * {@code ThreatHunting.Read.All} of Microsoft Graph) or {@code defender} (Defender's retiring
     * {@code advancedqueries/run}, needs {@code AdvancedQuery.Read.All}; no data from 1 February 2027). Switching
     * keeps the state topic: no row is published twice and no time range is skipped.
     */
    @WithDefault("graph")
    HuntingApi api();

    /** How often the active replica checks which queries are due (a query never runs more often than its schedule). */
    @WithDefault("1s")
    Duration tick();

    /**
     * How long the active scheduler may be silent before a standby replica takes over: the leadership consumer's
     * {@code session.timeout.ms} (the broker accepts 6s to 30m).
     */
    @WithDefault("10s")
    Duration sessionTimeout();

    /**
     * How long a published row is remembered; within it the same row is never published twice. Must be longer
     * than every query's look-back (Defender keeps 30 days of hunting data).
     */
    @WithDefault("31d")
    Duration seenRetention();

    /** After a run failed for another reason than throttling (5xx, no answer), how long until it is tried again. */
    @WithDefault("30s")
    Duration failureBackoff();

    /** How long hunting pauses after a 429 that carries no Retry-After. */
    @WithDefault("1m")
    Duration quotaPause();
}
