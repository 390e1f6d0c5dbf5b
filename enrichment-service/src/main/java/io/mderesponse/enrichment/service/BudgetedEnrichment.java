package io.mderesponse.enrichment.service;

import io.mderesponse.contracts.defender.DefenderMachine;
import io.mderesponse.contracts.event.AlertEnriched;
import io.mderesponse.contracts.event.AlertNewEvent;
import io.mderesponse.contracts.event.HuntingRowEnriched;
import io.mderesponse.contracts.event.HuntingRowFound;
import io.mderesponse.defender.client.CallOptions;
import io.mderesponse.defender.client.CallTally;
import io.mderesponse.defender.client.budget.CallPriority;
import io.mderesponse.defender.client.error.DefenderThrottledException;
import io.mderesponse.enrichment.service.EnrichmentOutcome.Defer;
import io.mderesponse.enrichment.service.EnrichmentOutcome.Enriched;
import io.mderesponse.enrichment.service.EnrichmentOutcome.LeaveForRestart;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * Enrichment when the Defender budget may be short: each method tries {@link EnrichmentService}, and when the
 * budget (or a 429) refuses a call, defers the work or waits for headroom and tries again, however long, in waits of
 * {@link #BUDGET_WAIT}, until it succeeds or {@code stopping} says the service stops. Any other failure is thrown,
 * for the caller's dead letter topic.
 *
 * <ul>
 *   <li>A new alert of low priority (Low, Informational, UnSpecified) that finds the budget short is deferred; a
 *       Medium or High one waits (High ones may use the budget's high-priority reserve).</li>
 *   <li>A deferred alert waits until the budget has room for it beyond the reserve kept for urgent work.</li>
 *   <li>A hunting row's machine lookup waits at normal priority, like a Medium alert.</li>
 * </ul>
 *
 * The Defender requests of the successful attempt are counted ({@link CallTally}); an interrupted wait leaves the
 * record for the restart, with the thread's interrupt flag set again.
 */
public class BudgetedEnrichment {

    /** How long one wait for budget lasts before the stop flag is checked and the wait started again. */
    static final Duration BUDGET_WAIT = Duration.ofSeconds(1);
    /** How often a new alert's wait for budget is logged. */
    private static final Duration BUDGET_LOG_EVERY = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(BudgetedEnrichment.class);

    private final EnrichmentService enrichment;

    public BudgetedEnrichment(EnrichmentService enrichment) {
        this.enrichment = enrichment;
    }

    /**
     * A new alert: enriched, or deferred when it is of low priority and the budget is short; a Medium or High alert
     * waits for budget.
     */
    public EnrichmentOutcome<AlertEnriched> enrichNew(AlertNewEvent event, BooleanSupplier stopping) {
        CallPriority priority = AlertPriority.of(event.severity());
        try {
            long nextLog = 0;
            while (true) {
                try (CallTally tally = CallTally.start()) {
                    Optional<AlertEnriched> result = enrichment.enrichUnlessShort(event, priority);
                    if (result.isEmpty()) {
                        return new Defer<>("budget short for low-priority enrichment");
                    }
                    return new Enriched<>(result.get(), tally.calls());
                } catch (DefenderThrottledException e) {
                    if (priority == CallPriority.LOW) {
                        return new Defer<>(e.getMessage());
                    }
                    if (stopping.getAsBoolean()) {
                        return new LeaveForRestart<>("alert " + event.alertId() + ", waiting for budget,");
                    }
                    if (System.nanoTime() - nextLog >= 0) {
                        LOG.warnf("Alert %s (%s) waits for Defender budget: %s", event.alertId(), event.severity(),
                                e.getMessage());
                        nextLog = System.nanoTime() + BUDGET_LOG_EVERY.toNanos();
                    }
                    enrichment.awaitHeadroom(event, priority, BUDGET_WAIT);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new LeaveForRestart<>("alert " + event.alertId() + ", waiting for budget,");
        }
    }

    /** A deferred alert: enriched once the budget has room for it; it is never deferred again. */
    public EnrichmentOutcome<AlertEnriched> enrichDeferred(AlertNewEvent event, BooleanSupplier stopping) {
        CallPriority priority = AlertPriority.of(event.severity());
        try {
            while (true) {
                if (!enrichment.awaitHeadroom(event, priority, BUDGET_WAIT)) {
                    if (stopping.getAsBoolean()) {
                        return new LeaveForRestart<>("deferred alert " + event.alertId());
                    }
                    continue;
                }
                try (CallTally tally = CallTally.start()) {
                    AlertEnriched result = enrichment.enrich(event, priority);
                    return new Enriched<>(result, tally.calls());
                } catch (DefenderThrottledException e) {
                    LOG.debugf("Deferred alert %s waits again: %s", event.alertId(), e.getMessage());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new LeaveForRestart<>("deferred alert " + event.alertId());
        }
    }

    /**
     * A hunting row whose device id is a valid 40-hex machine id (the caller checked it): enriched with its machine,
     * or without one when Defender does not know the device.
     */
    public EnrichmentOutcome<HuntingRowEnriched> enrichRow(HuntingRowFound row, BooleanSupplier stopping) {
        try {
            while (true) {
                try (CallTally tally = CallTally.start()) {
                    DefenderMachine machine = enrichment.machine(row.deviceId(), "Hunting row " + row.rowKey(),
                            CallOptions.normal());
                    return new Enriched<>(HuntingRowEnriched.of(row, machine), tally.calls());
                } catch (DefenderThrottledException e) {
                    if (stopping.getAsBoolean()) {
                        return new LeaveForRestart<>("hunting row " + row.rowKey() + ", waiting for budget,");
                    }
                    LOG.debugf("Hunting row %s waits for Defender budget: %s", row.rowKey(), e.getMessage());
                    enrichment.awaitMachineHeadroom(CallPriority.NORMAL, BUDGET_WAIT);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new LeaveForRestart<>("hunting row " + row.rowKey());
        }
    }
}
