package io.mderesponse.defender.client;

import io.mderesponse.defender.client.budget.CallPriority;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;

/**
 * Defender calls as Micrometer meters (Prometheus names): {@code defender_calls_total{family,operation,status}},
 * {@code defender_budget_wait_seconds{family,priority}}, {@code defender_budget_exhausted_total{family,priority}}.
 */
final class MicrometerCallObserver implements CallObserver {

    private final MeterRegistry registry;

    MicrometerCallObserver(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void called(DefenderOperation operation, String status) {
        Counter.builder("defender.calls")
                .description("Requests sent to the Defender API, by family, operation and HTTP status")
                .tag("family", operation.family().configName())
                .tag("operation", operation.name().toLowerCase(Locale.ROOT))
                .tag("status", status)
                .register(registry)
                .increment();
    }

    @Override
    public void waited(ApiFamily family, CallPriority priority, Duration waited) {
        Timer.builder("defender.budget.wait")
                .description("Time calls waited for a token of their family's budget")
                .tag("family", family.configName())
                .tag("priority", priority.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .record(waited);
    }

    @Override
    public void exhausted(ApiFamily family, CallPriority priority) {
        Counter.builder("defender.budget.exhausted")
                .description("Calls that failed unsent because no token of their family came in time")
                .tag("family", family.configName())
                .tag("priority", priority.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }
}
