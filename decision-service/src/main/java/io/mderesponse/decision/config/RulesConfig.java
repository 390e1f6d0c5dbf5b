package io.mderesponse.decision.config;

import io.mderesponse.decision.service.backtest.Backtest;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Where the operators' rules come from, how often they are reloaded, and the bounds of a back-test. */
@ConfigMapping(prefix = "rules")
public interface RulesConfig {

    /**
     * The YAML rules file (environment {@code RULES_PATH}), e.g. a mounted ConfigMap. Unset: the bundled rules
     * (severity High → isolate Full and notify). A file that is missing or invalid at start stops the service.
     */
    Optional<Path> path();

    /** How often {@code rules.path} is read again; a new content hash that checks out replaces the rules. */
    @WithDefault("10s")
    Duration reloadInterval();

    /** Back-tests of candidate files over the retained enriched alerts. */
    Backtest backtest();

    /** Bounds of one back-test. */
    interface Backtest {

        /** At most this many records are read; the report says when the topic had more. */
        @WithDefault("1000000")
        long maxRecords();

        /** A back-test stops reading after this long; the report says it is incomplete. */
        @WithDefault("120s")
        Duration timeout();
    }
}
