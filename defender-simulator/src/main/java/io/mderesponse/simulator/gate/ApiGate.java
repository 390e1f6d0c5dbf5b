package io.mderesponse.simulator.gate;

import io.mderesponse.simulator.calls.CallLog;
import io.mderesponse.simulator.calls.RecordedCall;
import io.mderesponse.simulator.error.ApiException;
import io.mderesponse.simulator.error.ErrorBody;
import io.mderesponse.simulator.error.ErrorCodes;
import io.mderesponse.simulator.faults.FaultApplier;
import io.mderesponse.simulator.faults.FaultRegistry;
import io.mderesponse.simulator.gate.ApiRoutes.Known;
import io.mderesponse.simulator.gate.ApiRoutes.Match;
import io.mderesponse.simulator.gate.ApiRoutes.WrongMethod;
import io.mderesponse.simulator.odata.ODataJson;
import io.mderesponse.simulator.ratelimit.RateLimiter;
import io.mderesponse.simulator.token.Authenticator;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Every API call passes here before its resource, in the real API's order: method check (405), token (401, 403),
 * rate limit (429), injected faults; and every call is recorded with the status it got.
 */
@ApplicationScoped
public class ApiGate {

    private final CallLog calls;
    private final Authenticator authenticator;
    private final RateLimiter rateLimiter;
    private final FaultRegistry faults;
    private final FaultApplier faultApplier;
    private final GateResponses responses;
    private final Clock clock;

    public ApiGate(CallLog calls, Authenticator authenticator, RateLimiter rateLimiter, FaultRegistry faults,
            FaultApplier faultApplier, GateResponses responses, Clock clock) {
        this.calls = calls;
        this.authenticator = authenticator;
        this.rateLimiter = rateLimiter;
        this.faults = faults;
        this.faultApplier = faultApplier;
        this.responses = responses;
        this.clock = clock;
    }

    void register(@Observes Router router) {
        // The body is buffered first so the call log can keep it; Quarkus REST then reads the buffered body.
        router.routeWithRegex(ApiRoutes.GATED_PATHS)
                .order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT)
                .handler(BodyHandler.create(false).setBodyLimit(1024 * 1024))
                .handler(this::handle);
    }

    void handle(RoutingContext rc) {
        Instant now = clock.instant();
        String method = rc.request().method().name();
        String path = rc.normalizedPath();
        Match match = ApiRoutes.match(method, path);
        RecordedCall call = record(rc, now, method, path, match);
        if (path.startsWith("/api/") || path.startsWith("/v1.0/")) {
            rc.addHeadersEndHandler(v -> odataHeaders(rc.response()));
        }
        if (match instanceof WrongMethod wrong) {
            responses.error(rc, 405, ErrorCodes.METHOD_NOT_ALLOWED, "The requested HTTP method is not allowed.",
                    Map.of(HttpHeaders.ALLOW.toString(), String.join(", ", wrong.allowed())));
            return;
        }
        if (!(match instanceof Known known)) {
            rc.next();
            return;
        }
        ApiRoutes.Route route = known.route();
        if (route.anyOfRoles() != null) {
            try {
                authenticator.authenticate(rc.request().getHeader(HttpHeaders.AUTHORIZATION), route.audience(),
                        route.anyOfRoles(), now);
                call.authorized();
            } catch (ApiException e) {
                Map<String, String> headers = e.status() == 401 ? Map.of("WWW-Authenticate", "Bearer") : Map.of();
                responses.error(rc, e.status(), e.code(), e.getMessage(), headers);
                return;
            }
        }
        if (route.family().isRateLimited()) {
            Duration wait = rateLimiter.tryAcquire(route.family(), now).orElse(null);
            if (wait != null) {
                long seconds = RateLimiter.retryAfterSeconds(wait);
                responses.error(rc, 429, ErrorCodes.TOO_MANY_REQUESTS, "Rate limit of the " + route.family().wireName()
                        + " API is exceeded. Try again in " + seconds + " seconds.",
                        Map.of(HttpHeaders.RETRY_AFTER.toString(), String.valueOf(seconds)));
                return;
            }
        }
        faults.take(route.family(), path).ifPresentOrElse(fault -> faultApplier.apply(rc, fault, rc::next), rc::next);
    }

    private RecordedCall record(RoutingContext rc, Instant now, String method, String path, Match match) {
        String family = match instanceof Known known ? known.route().family().wireName() : "other";
        String body = rc.body() == null || rc.body().isEmpty() ? null : rc.body().asString();
        if (body != null && "token".equals(family)) {
            // The call log is readable without authentication: never keep the client secret in it.
            body = body.replaceAll("(client_secret=)[^&]*", "$1***");
        }
        RecordedCall call = new RecordedCall(now, method, path, rc.request().query(), family, body);
        calls.add(call);
        rc.addEndHandler(result -> call.completed(result.succeeded() ? rc.response().getStatusCode() : null));
        return call;
    }

    /** Successful answers carry the OData content type and version; errors plain JSON, as observed live. */
    private static void odataHeaders(HttpServerResponse response) {
        if (response.getStatusCode() < 400) {
            response.putHeader(HttpHeaders.CONTENT_TYPE, ODataJson.CONTENT_TYPE);
            response.putHeader("OData-Version", "4.0");
        } else {
            response.putHeader(HttpHeaders.CONTENT_TYPE, ErrorBody.CONTENT_TYPE);
        }
    }
}
