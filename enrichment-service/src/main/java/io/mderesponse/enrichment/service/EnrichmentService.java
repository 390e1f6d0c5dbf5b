package io.mderesponse.enrichment.service;

import io.mderesponse.contracts.defender.DefenderAlert;
import io.mderesponse.contracts.defender.DefenderMachine;
import io.mderesponse.contracts.event.AlertEnriched;
import io.mderesponse.contracts.event.AlertNewEvent;
import io.mderesponse.contracts.id.DefenderIds;
import io.mderesponse.defender.client.CallOptions;
import io.mderesponse.defender.client.budget.CallPriority;
import io.mderesponse.defender.client.error.DefenderBudgetExhaustedException;
import io.mderesponse.defender.client.error.DefenderNotFoundException;
import io.mderesponse.enrichment.config.ReadFullAlert;
import io.mderesponse.enrichment.defender.DefenderLookups;
import io.mderesponse.enrichment.metrics.EnrichmentMetrics;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Turns a new alert into the full alert (with evidence) and its machine, with as few Defender calls as it can:
 * the alert comes from the event's snapshot (the poller's list, with evidence) and is read from Defender only
 * when the event has none or {@code enrichment.read-full-alert=always}; each machine is read once per
 * {@code enrichment.machine-cache-ttl}.
 *
 * <p>The machine is looked up only by the 40-hex device id the alert carries, never by name. An alert without
 * one, or whose machine Defender no longer knows, is published without a machine: it is decided but never
 * isolated.
 *
 * <p>Each method is one attempt; {@link BudgetedEnrichment} decides what to do when the budget is short.
 */
public class EnrichmentService {

    private static final Logger LOG = Logger.getLogger(EnrichmentService.class);

    private final DefenderLookups defender;
    private final MachineCache machines;
    private final EnrichmentMetrics metrics;
    private final ReadFullAlert readFullAlert;

    public EnrichmentService(DefenderLookups defender, MachineCache machines, EnrichmentMetrics metrics,
            ReadFullAlert readFullAlert) {
        this.defender = defender;
        this.machines = machines;
        this.metrics = metrics;
        this.readFullAlert = readFullAlert;
    }

    /** Whether this event needs {@code GET /api/alerts/{id}}: it has no snapshot, or the setting says always. */
    public boolean needsAlertRead(AlertNewEvent event) {
        return event.alert() == null || readFullAlert == ReadFullAlert.ALWAYS;
    }

    /**
     * Enriches now, waiting for budget as normal calls do; but low-priority work that finds the budget short (its
     * share without the reserve used up) is not started: empty, and the caller defers it.
     */
    public Optional<AlertEnriched> enrichUnlessShort(AlertNewEvent event, CallPriority priority) {
        if (priority == CallPriority.LOW && !hasHeadroom(event, priority)) {
            return Optional.empty();
        }
        DefenderAlert alert;
        try {
            // Low priority takes a token only if one is free now: it never waits in the queue of new alerts.
            alert = alertOf(event, priority == CallPriority.LOW
                    ? CallOptions.low().withMaxWait(Duration.ZERO) : CallOptions.of(priority));
        } catch (DefenderBudgetExhaustedException e) {
            if (priority == CallPriority.LOW) {
                return Optional.empty();
            }
            throw e;
        }
        return Optional.of(AlertEnriched.of(alert, machineOf(alert, CallOptions.of(priority))));
    }

    /** Enriches, waiting for budget up to {@code defender.budget.max-wait} per call. */
    public AlertEnriched enrich(AlertNewEvent event, CallPriority priority) {
        DefenderAlert alert = alertOf(event, CallOptions.of(priority));
        return AlertEnriched.of(alert, machineOf(alert, CallOptions.of(priority)));
    }

    /** The event's snapshot, or the alert read from Defender when {@link #needsAlertRead} says so. */
    private DefenderAlert alertOf(AlertNewEvent event, CallOptions options) {
        if (!needsAlertRead(event)) {
            return event.alert();
        }
        return defender.alert(event.alertId(), options);
    }

    /** Whether enriching this alert at this priority would find every token it needs free now. */
    public boolean hasHeadroom(AlertNewEvent event, CallPriority priority) {
        return (!needsAlertRead(event) || defender.hasAlertHeadroom(priority))
                && (!needsMachineCall(event.machineId()) || defender.hasMachineHeadroom(priority));
    }

    /** Waits up to {@code maxWait} until {@link #hasHeadroom} would say yes. */
    public boolean awaitHeadroom(AlertNewEvent event, CallPriority priority, Duration maxWait)
            throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        if (needsAlertRead(event) && !defender.awaitAlertHeadroom(priority, maxWait)) {
            return false;
        }
        if (!needsMachineCall(event.machineId())) {
            return true;
        }
        Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        return defender.awaitMachineHeadroom(priority, left) && hasHeadroom(event, priority);
    }

    /** Waits up to {@code maxWait} until a machine read at this priority would get a token; takes none. */
    public boolean awaitMachineHeadroom(CallPriority priority, Duration maxWait) throws InterruptedException {
        return defender.awaitMachineHeadroom(priority, maxWait);
    }

    private boolean needsMachineCall(String machineId) {
        return machineId != null && DefenderIds.isValidMachineId(machineId) && !machines.contains(machineId);
    }

    private DefenderMachine machineOf(DefenderAlert alert, CallOptions options) {
        String machineId = alert.machineId();
        if (machineId == null) {
            return null;
        }
        if (!DefenderIds.isValidMachineId(machineId)) {
            LOG.warnf("Alert %s names a machine id that is not 40 hex characters; publishing it without a machine",
                    alert.id());
            return null;
        }
        return machine(machineId, "Alert " + alert.id(), options);
    }

    /**
     * The machine of a valid 40-hex id (the caller checked it), from the cache or Defender; null when Defender does
     * not know it. {@code subject} names what asked, for the log.
     */
    public DefenderMachine machine(String machineId, String subject, CallOptions options) {
        Optional<MachineCache.Entry> cached = machines.get(machineId);
        metrics.machineCache(cached.isPresent());
        if (cached.isPresent()) {
            return cached.get().machine();
        }
        try {
            DefenderMachine machine = defender.machine(machineId, options);
            machines.put(machineId, new MachineCache.Entry(machine));
            return machine;
        } catch (DefenderNotFoundException e) {
            LOG.warnf("%s names machine %s, which Defender does not know (target %s); publishing it without "
                    + "a machine", subject, machineId, e.target().orElse("-"));
            machines.put(machineId, MachineCache.Entry.UNKNOWN);
            return null;
        }
    }
}
