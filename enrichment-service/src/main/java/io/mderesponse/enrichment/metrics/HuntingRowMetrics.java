package io.mderesponse.enrichment.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code enrichment_hunting_rows_total{outcome}}: hunting rows {@code enriched} (published with their machine),
 * {@code unknown-device} (published without a machine: Defender does not know the device), {@code no-device}
 * (skipped: the row names no valid device id, so nothing could ever be acted on) and {@code dead-letter}.
 */
@ApplicationScoped
public class HuntingRowMetrics {

    private final MeterRegistry registry;

    public HuntingRowMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void row(String outcome) {
        Counter.builder("enrichment.hunting.rows")
                .description("Hunting rows handled by the enrichment service, by outcome")
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }
}
