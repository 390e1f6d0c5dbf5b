package io.mderesponse.poller.metrics;

import io.mderesponse.contracts.event.AlertNewEvent;
import io.mderesponse.poller.service.PollResult;
import io.mderesponse.poller.service.PollerStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * The poller's metrics (Prometheus names at {@code /q/metrics}): {@code alert_poller_alerts_published_total}
 * by event type, {@code alert_poller_duplicates_suppressed_total}, {@code alert_poller_polls_total} by outcome,
 * {@code alert_poller_poll_duration_seconds}, {@code alert_poller_api_errors_total} by status,
 * {@code alert_poller_watermark_lag_seconds}, {@code alert_poller_dead_letters_total},
 * {@code alert_poller_seen_alerts}, {@code alert_poller_seen_forgotten_total},
 * {@code alert_poller_forgotten_reappeared_total}, {@code alert_poller_producer_resets_total},
 * {@code alert_poller_snapshots_left_out_total} (events published without the alert, above
 * {@code poller.snapshot-max-bytes}) and
 * {@code alert_poller_active}.
 */
@ApplicationScoped
public class PollerMetrics {

    private final MeterRegistry registry;
    private final Timer pollDuration;
    private final Counter duplicates;
    private final Counter deadLetters;
    private final Counter forgotten;
    private final Counter reappeared;
    private final Counter producerResets;
    private final Counter snapshotsLeftOut;

    public PollerMetrics(MeterRegistry registry, PollerStatus status) {
        this.registry = registry;
        this.pollDuration = Timer.builder("alert.poller.poll.duration")
                .description("Time one poll takes, all pages and commits included").register(registry);
        this.duplicates = Counter.builder("alert.poller.duplicates.suppressed")
                .description("Alerts read again (overlap, re-read pages, updates) that yielded no AlertDetected")
                .register(registry);
        this.deadLetters = Counter.builder("alert.poller.dead.letters")
                .description("Alerts or whole answers written to the poller's dead letter topic").register(registry);
        this.forgotten = Counter.builder("alert.poller.seen.forgotten")
                .description("Alert ids deleted from the state after the retention").register(registry);
        this.reappeared = Counter.builder("alert.poller.forgotten.reappeared")
                .description("Alerts created before the retention horizon, not remembered, that changed again")
                .register(registry);
        this.producerResets = Counter.builder("alert.poller.producer.resets")
                .description("Transactional producers closed after a Kafka failure or fencing, state reloaded")
                .register(registry);
        this.snapshotsLeftOut = Counter.builder("alert.poller.snapshots.left.out")
                .description("Alerts published without their snapshot, their JSON above poller.snapshot-max-bytes; "
                        + "enrichment reads them from Defender").register(registry);
        Gauge.builder("alert.poller.watermark.lag", status,
                s -> s.watermark().map(mark -> Duration.between(mark, Instant.now()).toMillis() / 1000.0)
                        .orElse(Double.NaN))
                .baseUnit("seconds").description("How far the watermark is behind now").strongReference(true)
                .register(registry);
        Gauge.builder("alert.poller.seen.alerts", status, PollerStatus::seenAlerts)
                .description("Alert ids remembered").strongReference(true).register(registry);
    }

    /** Registers {@code alert_poller_active}: 1 on the replica that polls. */
    public void activeGauge(BooleanSupplier active) {
        Gauge.builder("alert.poller.active", active, a -> a.getAsBoolean() ? 1 : 0)
                .description("1 on the replica that polls, 0 on a standby").strongReference(true).register(registry);
    }

    public Timer.Sample startPoll() {
        return Timer.start(registry);
    }

    public void pollEnded(Timer.Sample sample, boolean success) {
        sample.stop(pollDuration);
        registry.counter("alert.poller.polls", "outcome", success ? "success" : "failure").increment();
    }

    /** After a commit. */
    public void committed(PollResult page) {
        for (AlertNewEvent event : page.events()) {
            registry.counter("alert.poller.alerts.published", "type", event.getClass().getSimpleName())
                    .increment();
            if (event.alert() == null) {
                snapshotsLeftOut.increment(); // the poller always attaches one unless it is too large
            }
        }
        duplicates.increment(page.duplicates());
        deadLetters.increment(page.rejected().size());
        forgotten.increment(page.update().forgotten().size());
        reappeared.increment(page.forgottenReappeared());
    }

    public void deadLettered() {
        deadLetters.increment();
    }

    /** A failed Defender call; {@code status} is the HTTP status, 0 without an answer, or a word. */
    public void apiError(String status, String error) {
        registry.counter("alert.poller.api.errors", "status", status, "error", error).increment();
    }

    public void producerReset() {
        producerResets.increment();
    }
}
