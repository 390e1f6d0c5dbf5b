package io.mderesponse.decision.service.reload;

import io.mderesponse.decision.config.RulesConfig;
import io.mderesponse.decision.service.rules.BundledRules;
import io.mderesponse.decision.service.rules.CelConditions;
import io.mderesponse.decision.service.rules.ParsedRuleFile;
import io.mderesponse.decision.service.rules.RuleFileParser;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Loads the rules at start (the file at {@code rules.path}, else the bundled file; a file that is missing or
 * invalid stops the service, naming {@code rules.path} and the error) and checks the file again every
 * {@code rules.reload-interval}.
 */
@Singleton
public class RulesRuntime {

    private static final Logger LOG = Logger.getLogger(RulesRuntime.class);
    /** Before service-common's {@code TopicsStartup} (PLATFORM_BEFORE) and messaging (LIBRARY_BEFORE). */
    static final int FIRST = Interceptor.Priority.PLATFORM_BEFORE - 1;

    private final RulesConfig config;
    private final RuleFileParser parser;
    private final ActiveRules active;
    private final ReloadReporter reporter;
    private ScheduledExecutorService reloads;

    public RulesRuntime(RulesConfig config, MeterRegistry registry) {
        this.config = config;
        this.parser = new RuleFileParser(new CelConditions(config.limits()));
        this.reporter = new ReloadReporter(registry);
        this.active = new ActiveRules(initial(config, parser, Clock.systemUTC()));
        reporter.activated(null, active.current());
    }

    /** The first rules: a problem here stops the service rather than deciding with other rules than intended. */
    static ActiveRules.Loaded initial(RulesConfig config, RuleFileParser parser, Clock clock) {
        if (config.path().isEmpty()) {
            ParsedRuleFile bundled = BundledRules.parse(parser);
            if (!bundled.valid()) {
                throw new IllegalStateException("The bundled rules are invalid: " + bundled.describeErrors());
            }
            return new ActiveRules.Loaded(bundled.ruleSet(), "bundled", clock.instant());
        }
        Path path = config.path().get();
        ParsedRuleFile parsed = RuleFileReloader.read(path, parser);
        if (!parsed.valid()) {
            throw new ConfigurationException("rules.path=" + path + " cannot be used: " + parsed.describeErrors(),
                    Set.of("rules.path"));
        }
        return new ActiveRules.Loaded(parsed.ruleSet(), path.toString(), clock.instant());
    }

    /**
     * Runs before everything else at start, even before the topics are checked, so a bad rules file is reported
     * at once rather than after Kafka has been reached (or has timed out).
     */
    void start(@Observes @Priority(FIRST) StartupEvent event) {
        if (config.path().isEmpty()) {
            return;
        }
        RuleFileReloader reloader = new RuleFileReloader(config.path().get(), parser, active, reporter,
                Clock.systemUTC());
        long interval = Math.max(1, config.reloadInterval().toMillis());
        reloads = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rules-reload");
            thread.setDaemon(true);
            return thread;
        });
        reloads.scheduleWithFixedDelay(() -> {
            try {
                reloader.checkOnce();
            } catch (RuntimeException e) {
                // Never let one failed check end the schedule (an exception would cancel it).
                LOG.errorf(e, "Checking %s for new rules failed; trying again in %d ms", config.path().get(),
                        interval);
            } catch (Error e) {
                LOG.errorf(e, "Checking %s for new rules failed; rules are no longer reloaded", config.path().get());
                throw e;
            }
        }, interval, interval, TimeUnit.MILLISECONDS);
        LOG.infof("Checking %s for new rules every %d ms", config.path().get(), interval);
    }

    void stop(@Observes ShutdownEvent event) {
        if (reloads != null) {
            reloads.shutdownNow();
        }
    }

    public ActiveRules active() {
        return active;
    }

    /** The parser of rules files, for validating and back-testing candidates. */
    public RuleFileParser parser() {
        return parser;
    }

    public ReloadReporter reporter() {
        return reporter;
    }
}
