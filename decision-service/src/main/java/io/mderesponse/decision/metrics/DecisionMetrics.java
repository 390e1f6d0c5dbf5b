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
 * <li>{@code decisions_held}: decisions held by the hourly cap and still waiting for an approval.</li>
 * </ul>
 */
@ApplicationScoped
public class DecisionMetrics {

    public static final String DECISIONS = "decisions";
    public static final String HELD = "decisions.held";

    private final Map<DecisionOutcome, Counter> byOutcome = new EnumMap<>(DecisionOutcome.class);

    public DecisionMetrics(MeterRegistry registry, GuardStore store) {
        for (DecisionOutcome outcome : DecisionOutcome.values()) {
            byOutcome.put(outcome, Counter.builder(DECISIONS).description("Decisions published, by outcome")
                    .tag("outcome", outcome.name()).register(registry));
        }
        Gauge.builder(HELD, store, GuardStore::pendingHeldCount)
                .description("Decisions held by the hourly cap that wait for an approval").register(registry);
    }

    /** A decision was published. */
    public void published(DecisionMade decision) {
        if (decision.outcome() != null) {
            byOutcome.get(decision.outcome()).increment();
        }
    }
}
