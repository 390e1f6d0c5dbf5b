package io.mderesponse.defender.client.api;

import io.mderesponse.defender.client.ApiFamily;
import io.mderesponse.defender.client.budget.DefenderBudget;
import io.mderesponse.defender.client.retry.RetryAfter;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps calls out of a Retry-After as close to the wire as the client gets. A 429 pauses its family the moment the
 * answer arrives (on the HTTP client's thread, before the caller's thread wakes up to handle it), and a request
 * about to be sent while its family is paused is not sent: it fails as a throttled call with the code
 * {@value #NOT_SENT_CODE} and the time left, which the caller waits out like a 429 from Defender. Without it, calls
 * that took their budget token before the caller had handled a 429 still went out inside its Retry-After (on a busy
 * machine, 150 ms later).
 */
public class ThrottleGate implements ClientRequestFilter, ClientResponseFilter {

    /** The error code of a call this gate kept back; Defender never sends it. */
    public static final String NOT_SENT_CODE = "NotSentDuringRetryAfter";

    /** Marks the answer this gate makes for a call it keeps back; its value says why. */
    static final String NOT_SENT_HEADER = "X-MDE-Response-Not-Sent";

    @Override
    public void filter(ClientRequestContext request) {
        Optional<ApiFamily> family = ApiFamily.ofRequest(request.getMethod(), request.getUri().getPath());
        Optional<DefenderBudget> budget = budget();
        if (family.isEmpty() || budget.isEmpty()) {
            return;
        }
        budget.get().pausedUntil(family.get()).ifPresent(until -> {
            long seconds = Math.max(1, (Duration.between(Instant.now(), until).toMillis() + 999) / 1000);
            request.abortWith(Response.status(429).header("Retry-After", Long.toString(seconds))
                    .header(NOT_SENT_HEADER, "not sent: the " + family.get().configName()
                            + " family is paused after a 429 until " + until)
                    .build());
        });
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) {
        if (response.getStatus() != 429) {
            return;
        }
        Optional<ApiFamily> family = ApiFamily.ofRequest(request.getMethod(), request.getUri().getPath());
        Optional<Duration> wait = RetryAfter.parse(response.getHeaderString(HttpHeaders.RETRY_AFTER), Instant.now());
        Optional<DefenderBudget> budget = budget();
        if (family.isPresent() && wait.isPresent() && budget.isPresent()) {
            budget.get().pause(family.get(), wait.get());
        }
    }

    private static Optional<DefenderBudget> budget() {
        InstanceHandle<DefenderBudget> handle = Arc.container() == null ? null
                : Arc.container().instance(DefenderBudget.class);
        return handle == null || !handle.isAvailable() ? Optional.empty() : Optional.of(handle.get());
    }
}
