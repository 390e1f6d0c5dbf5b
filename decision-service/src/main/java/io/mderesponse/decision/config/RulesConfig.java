package io.mderesponse.decision.config;

import io.mderesponse.decision.service.rules.RuleLimits;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the operators' rules come from, how often they are reloaded, how much a rule may cost, and the bounds of a
 * back-test.
 */
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

    /**
     * The most one rule's {@code when} may cost on one event: estimated from its syntax tree when a file is read
     * (a costlier condition makes the file invalid, with the rule and the place), and counted while it runs (past
     * it, the evaluation fails like any evaluation error). Units as in the README's rules section.
     */
    @WithDefault("1000000")
    long maxCost();

    /** The longest {@code when}, in characters (code points). */
    @WithDefault("10000")
    int maxExpressionLength();

    /** The most nodes a {@code when}'s syntax tree may have, macros such as {@code exists} expanded. */
    @WithDefault("1000")
    int maxExpressionNodes();

    /** The deepest nesting of a {@code when} (brackets, calls, operators) the parser accepts. */
    @WithDefault("32")
    int maxExpressionDepth();

    /** These limits as the rules' parser takes them. */
    default RuleLimits limits() {
        return new RuleLimits(maxCost(), maxExpressionLength(), maxExpressionNodes(), maxExpressionDepth());
    }

    /** Back-tests of candidate files over the retained enriched alerts. */
    Backtest backtest();

    /** Bounds of one back-test. */
    interface Backtest {

        /** At most this many records are read; the report says when the topic had more. */
        @WithDefault("1000000")
        long maxRecords();

        /**
         * A back-test answers within about this long (reading the topic included): it stops there and the report
         * says it is incomplete.
         */
        @WithDefault("30s")
        Duration timeout();

        /** At most this many machines are listed in {@code wouldIsolate}; the report says when there were more. */
        @WithDefault("1000")
        int maxMachines();
    }
}
