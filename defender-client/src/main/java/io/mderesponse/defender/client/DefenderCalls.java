package io.mderesponse.defender.client;

import io.mderesponse.defender.client.error.DefenderApiException;
import io.mderesponse.defender.client.retry.RetryPolicy;
import io.mderesponse.defender.client.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Runs one API call under the retry policy: a 429 waits for its Retry-After, other retriable failures back off,
 * and whatever is left becomes a typed {@link DefenderApiException}.
 */
final class DefenderCalls {

    private static final Logger LOG = Logger.getLogger(DefenderCalls.class);

    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final Clock clock;

    DefenderCalls(RetryPolicy policy, Sleeper sleeper, Clock clock) {
        this.policy = policy;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** The call's result; never null (an empty body is a malformed response). */
    <T> T run(DefenderOperation operation, Supplier<T> call) {
        for (int attempt = 1;; attempt++) {
            Failure failure;
            try {
                T result = call.get();
                if (result != null) {
                    return result;
                }
                failure = Failure.malformed("empty body", null);
            } catch (RuntimeException e) {
                failure = Failure.classify(e, clock.instant());
            }
            Failure failed = failure;
            Duration wait = waitBeforeRetry(operation, failed, attempt)
                    .orElseThrow(() -> failed.toException(operation));
            LOG.warnf("Defender %s: attempt %d of %d failed (%s), retrying in %d ms", operation.description(), attempt,
                    policy.attempts(), summary(failed), wait.toMillis());
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                // Shutting down: keep the interrupt for the caller and report the failure we have.
                Thread.currentThread().interrupt();
                throw failed.toException(operation);
            }
        }
    }

    private Optional<Duration> waitBeforeRetry(DefenderOperation operation, Failure failure, int attempt) {
        if (attempt >= policy.attempts() || !failure.retriable(operation)) {
            return Optional.empty();
        }
        if (failure.throttled() && failure.retryAfter() != null) {
            // Retrying before Retry-After only earns another 429; a very long one is the caller's to schedule.
            return failure.retryAfter().compareTo(policy.maxRetryAfter()) <= 0 ? Optional.of(failure.retryAfter())
                    : Optional.empty();
        }
        return Optional.of(policy.backoff(attempt));
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
