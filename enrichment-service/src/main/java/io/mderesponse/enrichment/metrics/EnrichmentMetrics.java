package io.mderesponse.enrichment.metrics;

import io.mderesponse.contracts.defender.Severity;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

/**
 * The enrichment service's meters (Prometheus names): {@code enrichment_alerts_total{outcome,severity}},
 * {@code enrichment_defender_calls_per_alert} (requests one enriched alert cost, retries included: its
 * {@code _sum} over its {@code _count} is the calls per alert) and {@code enrichment_machine_cache_total{result}}.
 * A singleton, created with the consumers at start rather than on first use, so its meters show before the first
 * alert.
 */
@Singleton
public class EnrichmentMetrics {

    private final MeterRegistry registry;
    private final DistributionSummary callsPerAlert;
    private final Counter cacheHits;
    private final Counter cacheMisses;

    public EnrichmentMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.callsPerAlert = DistributionSummary.builder("enrichment.defender.calls.per.alert")
                .description("Defender requests made to enrich one alert (alert and machine, retries included)")
                .register(registry);
        this.cacheHits = cache("hit");
        this.cacheMisses = cache("miss");
    }

    /** An alert was published enriched after {@code calls} Defender requests. */
    public void enriched(Severity severity, int calls) {
        outcome("enriched", severity);
        callsPerAlert.record(calls);
    }

    /** An alert was deferred until the budget has room. */
    public void deferred(Severity severity) {
        outcome("deferred", severity);
    }

    /** An alert went to the dead letter topic. */
    public void deadLettered(Severity severity) {
        outcome("dead-letter", severity);
    }

    /** A machine lookup was answered by the cache ({@code hit}) or by Defender. */
    public void machineCache(boolean hit) {
        (hit ? cacheHits : cacheMisses).increment();
    }

    private void outcome(String outcome, Severity severity) {
        Counter.builder("enrichment.alerts")
                .description("Alerts handled by the enrichment service, by outcome and severity")
                .tag("outcome", outcome)
                .tag("severity", severity == null ? "unknown" : severity.name())
                .register(registry)
                .increment();
    }

    private Counter cache(String result) {
        return Counter.builder("enrichment.machine.cache")
                .description("Machine lookups answered from the cache (hit) or by Defender (miss)")
                .tag("result", result)
                .register(registry);
    }
}
