package io.mderesponse.response.service;

import io.mderesponse.response.service.HandlingOutcome.Held;
import io.mderesponse.response.service.HandlingOutcome.HoldKind;
import io.mderesponse.response.service.HandlingOutcome.Waiting;
import io.mderesponse.response.state.ActionRequest;
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
 * processed), consumption is paused while any request is held, and the same request is tried again with a
 * doubling wait ({@code response.retry-initial} to {@code response.retry-max}) until it is settled; then
 * consumption resumes. A held request is never dropped and never sent to the dead letter topic. A refused
 * authorisation also turns readiness DOWN.
 *
 * <p>A request {@link Waiting} for the actions before it in its plan is different: its stage stays incomplete too,
 * but consumption goes on (other machines' requests are not held up) and readiness is untouched; it is looked at
 * again every {@link #ORDER_RECHECK} until it goes on (the handler bounds the wait by {@code response.order-wait}).
 */
public final class RequestProcessor {

    private static final Logger LOG = Logger.getLogger(RequestProcessor.class);
    /** How often a request waiting for its plan's order looks again whether the actions before it have begun. */
    static final Duration ORDER_RECHECK = Duration.ofSeconds(1);

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
    public CompletionStage<Void> process(ActionRequest request) {
        HandlingOutcome outcome = handler.handle(request);
        if (outcome instanceof HandlingOutcome.Done) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> settled = new CompletableFuture<>();
        follow(request, outcome, null, settled);
        return settled;
    }

    /** Goes on from an outcome that is not yet final. {@code hold} is the hold the request is in, or null. */
    private void follow(ActionRequest request, HandlingOutcome outcome, Hold hold, CompletableFuture<Void> settled) {
        if (outcome instanceof Held held) {
            Hold now = hold == null ? startHold() : hold.next();
            hold(request, held, now, settled);
            return;
        }
        if (hold != null) {
            release(request, hold);
        }
        if (outcome instanceof Waiting waiting) {
            Duration left = Duration.between(clock.instant(), waiting.until());
            Duration delay = left.isNegative() ? Duration.ZERO : left.compareTo(ORDER_RECHECK) < 0 ? left
                    : ORDER_RECHECK;
            schedule(request, () -> recheckOrder(request, settled), delay);
        } else {
            settled.complete(null);
        }
    }

    private Hold startHold() {
        if (heldNow.incrementAndGet() == 1) {
            consumption.pause();
        }
        return new Hold(clock.instant(), 1);
    }

    private void hold(ActionRequest request, Held held, Hold hold, CompletableFuture<Void> settled) {
        access.hold(new DefenderAccess.HeldRequest(request.requestId(), request.machineId(), held, hold.since(),
                hold.tries()));
        Duration wait = backoff.delay(hold.tries() - 1);
        if (held.notBefore() != null && held.notBefore().compareTo(wait) > 0) {
            wait = held.notBefore();
        }
        if (held.kind() == HoldKind.AUTHORIZATION) {
            LOG.errorf("Defender refused the response service%s; request %s (machine=%s) stays uncommitted, "
                    + "consumption is paused and readiness is DOWN; trying the same request again in %s (try %d). "
                    + "%s", held.missingPermission() == null ? "" : ": it lacks the application permission "
                    + held.missingPermission(), request.requestId(), request.machineId(), wait, hold.tries(),
                    held.reason());
        } else {
            LOG.warnf("Request %s (machine=%s) held, consumption paused; trying it again in %s (try %d): %s",
                    request.requestId(), request.machineId(), wait, hold.tries(), held.reason());
        }
        schedule(request, () -> retry(request, hold, settled), wait);
    }

    private void retry(ActionRequest request, Hold hold, CompletableFuture<Void> settled) {
        HandlingOutcome outcome;
        try {
            outcome = handler.handle(request);
        } catch (RuntimeException e) {
            if (hold != null) {
                release(request, hold);
            }
            settled.completeExceptionally(e);
            return;
        }
        follow(request, outcome, hold, settled);
    }

    /** A waiting request starts no call while another request is held (as a newly read one would not). */
    private void recheckOrder(ActionRequest request, CompletableFuture<Void> settled) {
        if (holding()) {
            schedule(request, () -> recheckOrder(request, settled), ORDER_RECHECK);
        } else {
            retry(request, null, settled);
        }
    }

    private void schedule(ActionRequest request, Runnable task, Duration delay) {
        try {
            executor.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Shutting down: the record stays uncommitted and is delivered again after the restart.
            LOG.infof("Shutting down with request %s not settled; it is delivered again after the restart",
                    request.requestId());
        }
    }

    private void release(ActionRequest request, Hold hold) {
        access.release(request.requestId());
        if (heldNow.decrementAndGet() == 0) {
            consumption.resume();
            synchronized (heldNow) {
                heldNow.notifyAll();
            }
        }
        LOG.infof("Request %s (machine=%s) no longer held after %d tries and %s; consumption resumed",
                request.requestId(), request.machineId(), hold.tries() + 1,
                Duration.between(hold.since(), clock.instant()));
    }

    /** A request's hold: since when, and how many tries it has had. */
    private record Hold(Instant since, int tries) {

        Hold next() {
            return new Hold(since, tries + 1);
        }
    }
}
