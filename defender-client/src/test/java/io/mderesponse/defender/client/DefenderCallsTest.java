package io.mderesponse.defender.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mderesponse.defender.client.api.DefenderHttpError;
import io.mderesponse.defender.client.error.ActionAlreadyInProgressException;
import io.mderesponse.defender.client.error.DefenderBadRequestException;
import io.mderesponse.defender.client.error.DefenderForbiddenException;
import io.mderesponse.defender.client.error.DefenderMalformedResponseException;
import io.mderesponse.defender.client.error.DefenderNotFoundException;
import io.mderesponse.defender.client.error.DefenderServerErrorException;
import io.mderesponse.defender.client.error.DefenderThrottledException;
import io.mderesponse.defender.client.error.DefenderUnauthorizedException;
import io.mderesponse.defender.client.error.DefenderUnavailableException;
import io.mderesponse.defender.client.error.ErrorDetails;
import io.mderesponse.defender.client.retry.RetryPolicy;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import io.quarkus.oidc.client.OidcClientException;
import jakarta.ws.rs.ProcessingException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The retry and error-mapping rules, without HTTP: scripted failures and a recording sleeper. */
class DefenderCallsTest {

    private static final Duration MAX = Duration.ofMillis(400);

    private final List<Duration> waits = new ArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final DefenderCalls defenderCalls = new DefenderCalls(
            new RetryPolicy(Duration.ofMillis(100), MAX, 4, Duration.ofSeconds(10)), waits::add,
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

    /** Fails with each given exception in turn, then answers "ok"; counts every call in {@link #calls}. */
    private <T> Supplier<T> failing(RuntimeException... failures) {
        AtomicInteger index = new AtomicInteger();
        return () -> {
            calls.incrementAndGet();
            int call = index.getAndIncrement();
            if (call < failures.length) {
                throw failures[call];
            }
            @SuppressWarnings("unchecked")
            T ok = (T) "ok";
            return ok;
        };
    }

    private static DefenderHttpError http(int status, String code, String retryAfter) {
        return new DefenderHttpError(new ErrorDetails(status, code, code == null ? null : "because", "t-1"),
                retryAfter);
    }

    @Test
    void theCallersTraceIsCurrentAgainAfterACallWhoseClientLeftAnotherOneCurrent() {
        ContextKey<String> record = ContextKey.named("record");
        Context caller = Context.root().with(record, "alert-1");
        Context foreign = Context.root().with(record, "alert-2");
        try (Scope handling = caller.makeCurrent()) {
            Object result = defenderCalls.run(DefenderOperation.GET_MACHINE, () -> {
                foreign.makeCurrent(); // what interleaved client callbacks can leave behind on a shared context
                return "ok";
            });

            assertThat(result).isEqualTo("ok");
            assertThat(Context.current().get(record)).isEqualTo("alert-1");
        }
        assertThat(Context.current().get(record)).isNull();
    }

    @Test
    void aThrottledCallWaitsForItsRetryAfterAndThenSucceeds() {
        Object result = defenderCalls.run(DefenderOperation.GET_ALERT, failing(http(429, "TooManyRequests", "2")));

        assertThat(result).isEqualTo("ok");
        assertThat(waits).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void aRetryAfterLongerThanTheClientWaitsFailsAtOnceKeepingIt() {
        assertThatThrownBy(() -> defenderCalls.run(DefenderOperation.GET_ALERT,
                failing(http(429, "TooManyRequests", "3600"))))
                .isInstanceOfSatisfying(DefenderThrottledException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofHours(1)));
        assertThat(calls).hasValue(1);
        assertThat(waits).isEmpty();
    }

    @Test
    void persistentServerErrorsUseEveryAttemptWithBoundedWaits() {
        assertThatThrownBy(() -> defenderCalls.run(DefenderOperation.GET_MACHINE,
                failing(http(500, null, null), http(502, null, null), http(503, null, null), http(500, null, null))))
                .isInstanceOf(DefenderServerErrorException.class).hasMessageContaining("HTTP 500");
        assertThat(calls).hasValue(4);
        assertThat(waits).hasSize(3).allSatisfy(wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(MAX));
    }

    @Test
    void anIsolateIsNotRepeatedAfterAServerErrorOrALostAnswer() {
        assertThatThrownBy(() -> defenderCalls.run(DefenderOperation.ISOLATE, failing(http(500, null, null))))
                .isInstanceOf(DefenderServerErrorException.class);
        assertThatThrownBy(() -> defenderCalls.run(DefenderOperation.ISOLATE,
                failing(new ProcessingException(new TimeoutException("read timeout")))))
                .isInstanceOf(DefenderUnavailableException.class);
        assertThat(calls).hasValue(2);
        assertThat(waits).isEmpty();
    }

    @Test
    void anIsolateIsRepeatedWhenItNeverLeftOrWasThrottled() {
        Object result = defenderCalls.run(DefenderOperation.ISOLATE,
                failing(new ProcessingException(new ConnectException("refused")), http(429, null, "1")));

        assertThat(result).isEqualTo("ok");
        assertThat(calls).hasValue(3);
    }

    @Test
    void timeoutsOfAReadAreRetriedAndEndAsUnavailable() {
        ProcessingException timeout = new ProcessingException(new TimeoutException("read timeout"));

        assertThatThrownBy(() -> defenderCalls.run(DefenderOperation.LIST_ALERTS,
                failing(timeout, timeout, timeout, timeout)))
                .isInstanceOf(DefenderUnavailableException.class).hasMessageContaining("TimeoutException");
        assertThat(calls).hasValue(4);
    }

    @Test
    void otherClientErrorsAreNeverRetried() {
        assertThatThrownBy(() -> defenderCalls.run(DefenderOperation.GET_ALERT,
                failing(http(404, "ResourceNotFound", null))))
                .isInstanceOfSatisfying(DefenderNotFoundException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.errorCode()).contains("ResourceNotFound");
                    assertThat(e.target()).contains("t-1");
                });
        assertThatThrownBy(() -> defenderCalls.run(DefenderOperation.GET_ALERT,
                failing(http(400, "InvalidRequestBody", null))))
                .isInstanceOf(DefenderBadRequestException.class);
        assertThat(calls).hasValue(2);
        assertThat(waits).isEmpty();
    }

    @Test
    void activeRequestAlreadyExistsHasItsOwnType() {
        assertThatThrownBy(() -> defenderCalls.run(DefenderOperation.ISOLATE,
                failing(http(400, "ActiveRequestAlreadyExists", null))))
                .isInstanceOf(ActionAlreadyInProgressException.class);
        assertThatThrownBy(() -> defenderCalls.run(DefenderOperation.UNISOLATE, failing(new DefenderHttpError(
                new ErrorDetails(400, "BadRequest", "Action is already in progress", null), null))))
                .isInstanceOf(ActionAlreadyInProgressException.class);
    }

    @Test
    void aForbiddenCallNamesThePermissionItNeeds() {
        assertThatThrownBy(() -> defenderCalls.run(DefenderOperation.ISOLATE, failing(http(403, "Forbidden", null))))
                .isInstanceOfSatisfying(DefenderForbiddenException.class,
                        e -> assertThat(e.requiredPermission()).isEqualTo("Machine.Isolate"))
                .hasMessageContaining("Machine.Isolate");
    }

    @Test
    void anEmptySuccessfulBodyIsMalformed() {
        assertThatThrownBy(() -> defenderCalls.run(DefenderOperation.GET_ALERT, () -> null))
                .isInstanceOfSatisfying(DefenderMalformedResponseException.class,
                        e -> assertThat(e.reason()).isEqualTo("empty body"));
    }

    @Test
    void aRefusedTokenRequestIsUnauthorizedAndNotRetried() {
        assertThatThrownBy(() -> defenderCalls.run(DefenderOperation.GET_ALERT,
                failing(new OidcClientException("{\"error\":\"invalid_client\"}"))))
                .isInstanceOf(DefenderUnauthorizedException.class).hasMessageContaining("invalid_client");
        assertThat(calls).hasValue(1);
    }

    @Test
    void exceptionsThatAreNoCallFailurePassThrough() {
        IllegalStateException bug = new IllegalStateException("bug");

        assertThatThrownBy(() -> defenderCalls.run(DefenderOperation.GET_ALERT, failing(bug))).isSameAs(bug);
    }
}
