package io.mderesponse.hunting.metrics;

import io.mderesponse.hunting.service.HuntingListener;
import io.mderesponse.hunting.service.PauseReason;
import io.mderesponse.hunting.service.RunResult;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * The scheduler's metrics (Prometheus names at {@code /q/metrics}): {@code hunting_runs_total{query,outcome}},
 * {@code hunting_rows_published_total{query}}, {@code hunting_rows_duplicate_total{query}},
 * {@code hunting_rows_without_device_total{query}}, {@code hunting_pauses_total{reason}}, {@code hunting_paused}
 * (1 while paused), {@code hunting_paused_until_seconds} (epoch seconds, 0 when not paused),
 * {@code hunting_active} (1 on the replica that runs queries) and {@code hunting_seen_rows}.
 */
@ApplicationScoped
public class HuntingMetrics implements HuntingListener {

    private final MeterRegistry registry;
    private final AtomicReference<Instant> pausedUntil = new AtomicReference<>();

    public HuntingMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder("hunting.paused", pausedUntil, p -> p.get() == null ? 0 : 1)
                .description("1 while advanced hunting is paused by a 429 or the budget").strongReference(true)
                .register(registry);
        Gauge.builder("hunting.paused.until", pausedUntil, p -> p.get() == null ? 0 : p.get().getEpochSecond())
                .baseUnit("seconds").description("Until when hunting is paused (epoch seconds), 0 when not")
                .strongReference(true).register(registry);
    }

    public void activeGauge(BooleanSupplier active) {
        Gauge.builder("hunting.active", active, a -> a.getAsBoolean() ? 1 : 0)
                .description("1 on the replica that runs the queries, 0 on a standby").strongReference(true)
                .register(registry);
    }

    public void seenRowsGauge(IntSupplier seenRows) {
        Gauge.builder("hunting.seen.rows", seenRows, IntSupplier::getAsInt)
                .description("Row keys remembered as published").strongReference(true).register(registry);
    }

    @Override
    public void ran(String queryId, String outcome) {
        registry.counter("hunting.runs", "query", queryId, "outcome", outcome).increment();
    }

    @Override
    public void committed(RunResult result) {
        registry.counter("hunting.rows.published", "query", result.queryId()).increment(result.rows().size());
        registry.counter("hunting.rows.duplicate", "query", result.queryId()).increment(result.duplicates());
        registry.counter("hunting.rows.without.device", "query", result.queryId())
                .increment(result.withoutDevice());
    }

    @Override
    public void paused(PauseReason reason, Instant until) {
        pausedUntil.set(until);
        registry.counter("hunting.pauses", "reason", reason.tag()).increment();
    }

    @Override
    public void resumed() {
        pausedUntil.set(null);
    }
}
