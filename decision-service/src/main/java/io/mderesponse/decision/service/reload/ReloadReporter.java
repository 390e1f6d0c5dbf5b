package io.mderesponse.decision.service.reload;

import io.mderesponse.decision.service.rules.SingleReadFields;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Logs and counts what happens to the rules: {@code rules_active_version{version,source} 1} (an info metric),
 * {@code rules_reloads_total}, {@code rules_reload_failures_total}, {@code rules_file_rejected} (1 while the file
 * at {@code rules.path} is refused) and {@code rules_evaluation_errors_total{rule}}.
 */
public class ReloadReporter implements RulesListener {

    private static final Logger LOG = Logger.getLogger(ReloadReporter.class);

    private final MeterRegistry registry;
    private final Counter reloads;
    private final Counter failures;
    private final AtomicInteger fileRejected = new AtomicInteger();
    private Gauge activeVersion;

    public ReloadReporter(MeterRegistry registry) {
        this.registry = registry;
        this.reloads = Counter.builder("rules.reloads")
                .description("Rules files activated after a change of content").register(registry);
        this.failures = Counter.builder("rules.reload.failures")
                .description("Rules files refused (each distinct file once); the running rules stayed")
                .register(registry);
        Gauge.builder("rules.file.rejected", fileRejected, AtomicInteger::get)
                .description("1 while the file at rules.path is refused and older rules decide").register(registry);
    }

    @Override
    public synchronized void activated(ActiveRules.Loaded previous, ActiveRules.Loaded now) {
        if (activeVersion != null) {
            registry.remove(activeVersion);
        }
        activeVersion = Gauge.builder("rules.active.version", () -> 1)
                .description("The rules deciding now: version (content hash) and source, value always 1")
                .tag("version", now.version()).tag("source", now.source()).register(registry);
        fileRejected.set(0);
        if (previous == null) {
            LOG.infof("Rules active: version=%s source=%s rules=%s", now.version(), now.source(), ids(now));
        } else {
            reloads.increment();
            LOG.infof("Rules reloaded: version=%s (was %s) source=%s rules=%s", now.version(), previous.version(),
                    now.source(), ids(now));
        }
        // Enrichment cannot see the rules: say here when they need alert fields only the single read returns.
        SingleReadFields.warnings(now.ruleSet()).forEach(LOG::warn);
    }

    @Override
    public void rejected(ActiveRules.Rejection rejection, ActiveRules.Loaded running) {
        failures.increment();
        fileRejected.set(1);
        LOG.errorf("Rules file %s refused (version %s); the running rules stay (version %s): %s", running.source(),
                rejection.version(), running.version(), rejection.errors());
    }

    @Override
    public void rejectionCleared(ActiveRules.Loaded running) {
        fileRejected.set(0);
        LOG.infof("Rules file %s is the running version %s again", running.source(), running.version());
    }

    /** A rule's condition failed on an event, which therefore goes to the dead letter topic. */
    public void evaluationFailed(String ruleId) {
        Counter.builder("rules.evaluation.errors")
                .description("Events a rule's condition could not be evaluated on (sent to the dead letter topic)")
                .tag("rule", ruleId).register(registry).increment();
    }

    private static String ids(ActiveRules.Loaded loaded) {
        return loaded.ruleSet().rules().stream().map(rule -> rule.id()).toList().toString();
    }
}
