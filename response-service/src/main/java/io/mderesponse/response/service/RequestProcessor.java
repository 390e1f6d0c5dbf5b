package io.mderesponse.response.service;

import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.response.service.HandlingOutcome.Held;
import io.mderesponse.response.service.HandlingOutcome.HoldKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Runs the {@link RequestHandler} for each delivered request, and holds a request that cannot be settled now:
 * the returned stage stays incomplete (so its record is not committed and no later record of its machine is
 * processed), consumption is paused while any request is held, and the same request is tried again with a doubling wait ({@code response.retry-initial}
 * to {@code response.retry-max}) until it is settled; then consumption resumes. A held request is never dropped
 * and never sent to the dead letter topic. A refused authorisation also turns readiness DOWN.
 */
public final class RequestProcessor {

    private static final Logger LOG = Logger.getLogger(RequestProcessor.class);

    private final RequestHandler handler;
    private final ScheduledExecutorService executor;
    private final ConsumptionControl consumption;
    private final DefenderAccess access;
    private final Backoff backoff;
    private final Clock clock;
    /** Requests held now: requests of different machines run concurrently, and each may be held. */
    private final AtomicInteger heldNow = new AtomicInteger();

    public RequestProcessor(RequestHandler handler, ScheduledExecutorService executor, ConsumptionControl consumption,
            DefenderAccess access, Duration retryInitial, Duration retryMax, Clock clock) {
        this.handler = handler;
        this.executor = executor;
        this.consumption = consumption;
        this.access = access;
        this.backoff = new Backoff(retryInitial, retryMax);
        this.clock = clock;
    }

    /** Whether a request is held now: while one is, no other request is started (see {@link #awaitNoHold}). */
    public boolean holding() {
        return heldNow.get() > 0;
    }

    /**
     * Waits up to {@code max} for every held request to settle. Requests of other machines, already read, wait here
     * instead of reaching a Defender that refuses or fails, as they did when requests were processed one by one.
     */
    public void awaitNoHold(Duration max) throws InterruptedException {
        synchronized (heldNow) {
            if (heldNow.get() > 0) {
                heldNow.wait(Math.max(1, max.toMillis()));
            }
        }
    }

    /**
     * Completes when the request's record may be committed; completes exceptionally when the request can never
     * be carried out (the record goes to the dead letter topic).
     */
    public CompletionStage<Void> process(MachineActionRequested request) {
        HandlingOutcome outcome = handler.handle(request);
        if (!(outcome instanceof Held held)) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> settled = new CompletableFuture<>();
        if (heldNow.incrementAndGet() == 1) {
            consumption.pause();
        }
        hold(request, held, clock.instant(), 1, settled);
        return settled;
    }

    private void hold(MachineActionRequested request, Held held, Instant since, int tries,
            CompletableFuture<Void> settled) {
        DefenderAccess.HeldRequest current = new DefenderAccess.HeldRequest(request.requestId(), request.machineId(),
                held, since, tries);
        access.hold(current);
        Duration wait = backoff.delay(tries - 1);
        if (held.notBefore() != null && held.notBefore().compareTo(wait) > 0) {
            wait = held.notBefore();
        }
        if (held.kind() == HoldKind.AUTHORIZATION) {
            LOG.errorf("Defender refused the response service%s; request %s (machine=%s) stays uncommitted, "
                    + "consumption is paused and readiness is DOWN; trying the same request again in %s (try %d). "
                    + "%s", held.missingPermission() == null ? "" : ": it lacks the application permission "
                    + held.missingPermission(), request.requestId(), request.machineId(), wait, tries, held.reason());
        } else {
            LOG.warnf("Request %s (machine=%s) held, consumption paused; trying it again in %s (try %d): %s",
                    request.requestId(), request.machineId(), wait, tries, held.reason());
        }
        try {
            executor.schedule(() -> retry(request, since, tries, settled), wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Shutting down: the record stays uncommitted and is delivered again after the restart.
            LOG.infof("Shutting down with request %s held; it is delivered again after the restart",
                    request.requestId());
        }
    }

    private void retry(MachineActionRequested request, Instant since, int tries, CompletableFuture<Void> settled) {
        HandlingOutcome outcome;
        try {
            outcome = handler.handle(request);
        } catch (RuntimeException e) {
            release(request, since, tries);
            settled.completeExceptionally(e);
            return;
        }
        if (outcome instanceof Held held) {
            hold(request, held, since, tries + 1, settled);
        } else {
            release(request, since, tries);
            settled.complete(null);
        }
    }

    private void release(MachineActionRequested request, Instant since, int tries) {
        access.release(request.requestId());
        if (heldNow.decrementAndGet() == 0) {
            consumption.resume();
            synchronized (heldNow) {
                heldNow.notifyAll();
            }
        }
        LOG.infof("Request %s (machine=%s) no longer held after %d tries and %s; consumption resumed",
                request.requestId(), request.machineId(), tries + 1, Duration.between(since, clock.instant()));
    }
}
