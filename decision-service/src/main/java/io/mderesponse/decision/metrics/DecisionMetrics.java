package io.mderesponse.decision.metrics;

import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.DecisionOutcome;
import io.mderesponse.decision.state.GuardStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;

/**
 * The decision service's own metrics on {@code /q/metrics}:
 * <ul>
 * <li>{@code decisions_total{outcome}}: published {@code DecisionMade} events by outcome ({@code ACTED},
 * {@code HELD}, {@code NO_MATCH}, ...), every outcome present from the start at 0;</li>
 * <li>{@code decisions_held}: decisions held by the hourly cap and still waiting for an approval;</li>
 * <li>{@code decisions_evidence_hashes_rejected_total}: evidence values a file quarantine refused because they are
 * not a SHA-1 (a path, a command line, line breaks): never requested, named in the decision's reason.</li>
 * </ul>
 */
@ApplicationScoped
public class DecisionMetrics {

    public static final String DECISIONS = "decisions";
    public static final String HELD = "decisions.held";
    public static final String HASHES_REJECTED = "decisions.evidence.hashes.rejected";

    private final Map<DecisionOutcome, Counter> byOutcome = new EnumMap<>(DecisionOutcome.class);
    private final Counter hashesRejected;

    public DecisionMetrics(MeterRegistry registry, GuardStore store) {
        for (DecisionOutcome outcome : DecisionOutcome.values()) {
            byOutcome.put(outcome, Counter.builder(DECISIONS).description("Decisions published, by outcome")
                    .tag("outcome", outcome.name()).register(registry));
        }
        Gauge.builder(HELD, store, GuardStore::pendingHeldCount)
                .description("Decisions held by the hourly cap that wait for an approval").register(registry);
        hashesRejected = Counter.builder(HASHES_REJECTED)
                .description("Evidence values refused as a file's SHA-1 (never quarantined)").register(registry);
    }

    /** {@code count} evidence values of one event were refused as a SHA-1. */
    public void hashesRejected(int count) {
        hashesRejected.increment(count);
    }

    /** A decision was published. */
    public void published(DecisionMade decision) {
        if (decision.outcome() != null) {
            byOutcome.get(decision.outcome()).increment();
        }
    }
}
