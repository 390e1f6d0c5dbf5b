package io.mderesponse.notifier.metrics;

import io.mderesponse.notifier.service.NotificationLedger;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code notifier_plan_results_waiting} on {@code /q/metrics}: results of multi-action plans kept in the sent-log
 * while their plan's other results are still to come. A value that only grows means results that never arrive
 * (each waits at most {@code notifier.sent-log-retention}).
 */
@ApplicationScoped
@Startup
public class PlanMetrics {

    public static final String RESULTS_WAITING = "notifier.plan.results.waiting";

    public PlanMetrics(MeterRegistry registry, NotificationLedger ledger) {
        Gauge.builder(RESULTS_WAITING, ledger, NotificationLedger::waitingResultCount)
                .description("Results of multi-action plans waiting in the sent-log for the rest of their plan")
                .register(registry);
    }
}
