package io.mderesponse.defender.client;

import io.mderesponse.defender.client.api.ThrottleGate;
import io.mderesponse.defender.client.budget.BudgetExhaustedException;
import io.mderesponse.defender.client.budget.CallPriority;
import io.mderesponse.defender.client.budget.DefenderBudget;
import io.mderesponse.defender.client.budget.Permit;
import io.mderesponse.defender.client.error.DefenderApiException;
import io.mderesponse.defender.client.error.DefenderBudgetExhaustedException;
import io.mderesponse.defender.client.retry.RetryPolicy;
import io.mderesponse.defender.client.retry.Sleeper;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs one API call under the budget and the retry policy: every attempt first takes a token of its family
 * (waiting for one, bounded), a 429 pauses the family for every caller of the process and waits for its
 * Retry-After, other retriable failures back off, and whatever is left becomes a typed
 * {@link DefenderApiException}.
 */
final class DefenderCalls {

    private static final Logger LOG = Logger.getLogger(DefenderCalls.class);

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Clock clock;
    private final DefenderBudget budget;
    private final Duration maxWait;
    private final CallObserver observer;

    DefenderCalls(RetryPolicy policy, Sleeper sleeper, Clock clock) {
        this(policy, sleeper, clock, DefenderBudget.unlimited(), Duration.ZERO, CallObserver.NONE);
    }

    /** @param maxWait the longest a call waits for a token unless its options say otherwise */
    DefenderCalls(RetryPolicy policy, Sleeper sleeper, Clock clock, DefenderBudget budget, Duration maxWait,
            CallObserver observer) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.clock = clock;
        this.budget = budget;
        this.maxWait = maxWait;
        this.observer = observer;
    }

    /** The call's result; never null (an empty body is a malformed response). */
    <T> T run(DefenderOperation operation, Supplier<T> call) {
        return run(operation, CallOptions.normal(), call);
    }

    <T> T run(DefenderOperation operation, CallOptions options, Supplier<T> call) {
        Duration wait = options.maxWaitIfSet().orElse(maxWait);
        for (int attempt = 1;; attempt++) {
            Permit permit = acquire(operation, options.priority(), wait);
            Failure failure;
            CallTally.count();
            Context caller = Context.current();
            try {
                T result = call.get();
                observer.called(operation, "2xx");
                if (result != null) {
                    return result;
                }
                failure = Failure.malformed("empty body", null);
            } catch (RuntimeException e) {
                failure = classify(operation, e);
            } finally {
                permit.release();
                keepCurrent(caller);
            }
            Failure failed = failure;
            Duration pause = failed.throttled() ? pauseAfter429(operation, failed, attempt) : null;
            Duration backoff = waitBeforeRetry(operation, failed, attempt, pause)
                    .orElseThrow(() -> failed.toException(operation));
            LOG.warnf("%s %s: attempt %d of %d failed (%s), retrying in %d ms", operation.apiName(),
                    operation.description(), attempt, policy.attempts(), summary(failed), backoff.toMillis());
            try {
                sleeper.sleep(backoff);
            } catch (InterruptedException e) {
                // Shutting down: keep the interrupt for the caller and report the failure we have.
                Thread.currentThread().interrupt();
                throw failed.toException(operation);
            }
        }
    }

    /**
     * Makes the caller's trace current again if the call left another one current. The HTTP and token clients run
     * their callbacks on the caller's Vert.x context, and when calls made at the same time share one token request,
     * their scopes on that context interleave and can leave another caller's trace in it: the record being handled
     * would then log and publish under a foreign trace (CI saw two alerts swap traces). The scope opened here is
     * left open on purpose: the caller's own scope, opened before the call, closes over it.
     */
    private static void keepCurrent(Context caller) {
        if (Context.current() != caller) {
            LOG.debugf("A Defender call left another trace current on the caller's context; restoring the caller's");
            @SuppressWarnings({"resource", "unused"})
            Scope restored = caller.makeCurrent();
        }
    }

    private Permit acquire(DefenderOperation operation, CallPriority priority, Duration wait) {
        long start = System.nanoTime();
        try {
            Permit permit = budget.acquire(operation.family(), priority, wait);
            observer.waited(operation.family(), priority, Duration.ofNanos(System.nanoTime() - start));
            return permit;
        } catch (BudgetExhaustedException e) {
            observer.exhausted(operation.family(), priority);
            throw new DefenderBudgetExhaustedException(operation, e.nextToken().orElse(null), e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DefenderBudgetExhaustedException(operation, null, "interrupted while waiting for a token", e);
        }
    }

    private Failure classify(DefenderOperation operation, RuntimeException thrown) {
        Failure failure;
        try {
            failure = Failure.classify(thrown, clock.instant());
        } catch (RuntimeException bug) {
            observer.called(operation, "none");
            throw bug;
        }
        observer.called(operation, status(failure));
        return failure;
    }

    /**
     * A 429: every caller of this process leaves the family alone for the Retry-After (or, without one, the
     * backoff), however long, so no call is spent inside it. Returns the pause.
     */
    private Duration pauseAfter429(DefenderOperation operation, Failure failure, int attempt) {
        Duration pause = failure.retryAfter() != null ? failure.retryAfter() : policy.backoff(attempt);
        budget.pause(operation.family(), pause);
        if (ThrottleGate.NOT_SENT_CODE.equals(failure.details().code())) {
            LOG.debugf("%s %s was not sent: its family is paused by an earlier 429 for %d ms more",
                    operation.apiName(), operation.description(), pause.toMillis());
            return pause;
        }
        LOG.warnf("%s answered 429 to %s: the %s family pauses for %d ms in this process (target %s)",
                operation.apiName(), operation.description(), operation.family().configName(), pause.toMillis(),
                failure.details().target() == null ? "-" : failure.details().target());
        return pause;
    }

    private Optional<Duration> waitBeforeRetry(DefenderOperation operation, Failure failure, int attempt,
            Duration pause) {
        if (attempt >= policy.attempts() || !failure.retriable(operation)) {
            return Optional.empty();
        }
        if (failure.throttled()) {
            // Retrying before Retry-After only earns another 429; a very long one is the caller's to schedule.
            return pause.compareTo(policy.maxRetryAfter()) <= 0 ? Optional.of(pause) : Optional.empty();
        }
        return Optional.of(policy.backoff(attempt));
    }

    private static String status(Failure failure) {
        switch (failure.kind()) {
            case HTTP:
                // A call the throttle gate kept back during a Retry-After never reached Defender.
                return ThrottleGate.NOT_SENT_CODE.equals(failure.details().code()) ? "not-sent"
                        : Integer.toString(failure.status());
            case MALFORMED:
                return "2xx";
            case TOKEN:
                return "token";
            default:
                return "none";
        }
    }

    private static String summary(Failure failure) {
        if (failure.kind() == Failure.Kind.HTTP) {
            return "HTTP " + failure.status() + (failure.details().target() == null ? ""
                    : ", target " + failure.details().target());
        }
        Throwable cause = failure.cause();
        return failure.kind() + (cause == null ? "" : ", " + cause.getClass().getSimpleName());
    }
}
