package io.mderesponse.simulator.faults;

import io.mderesponse.simulator.config.Durations;
import io.mderesponse.simulator.error.ErrorCodes;
import io.mderesponse.simulator.ratelimit.ApiFamily;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** An injected fault with every default filled in. */
public record Fault(String id, String match, FaultKind kind, int status, Duration delay, int retryAfterSeconds,
        String errorCode, String message) {

    static final String CPU_QUOTA_MESSAGE = "Tenant has exceeded the allowed CPU quota of advanced hunting "
            + "(10 minutes of CPU per hour, 3 hours per day). Try again later.";
    /** Where hunting faults apply unless told otherwise: both hunting APIs, Defender's and Graph's. */
    static final String HUNTING_PATHS = "^(/api/advancedqueries/run|/v1\\.0/security/runHuntingQuery)$";
    static final String RESULT_TOO_LARGE_MESSAGE = "Query execution has exceeded the allowed result size. "
            + "Optimize your query by limiting the number of results and try again.";

    /** Builds a fault from an admin request; bad values are an {@link IllegalArgumentException}. */
    public static Fault from(String id, FaultSpec spec) {
        if (spec.kind() == null) {
            throw new IllegalArgumentException("A fault needs a kind: latency, status, rateLimit, hang, cpuQuota or "
                    + "resultTooLarge");
        }
        boolean hunting = spec.kind() == FaultKind.CPU_QUOTA || spec.kind() == FaultKind.RESULT_TOO_LARGE;
        String match = spec.match() != null && !spec.match().isBlank() ? spec.match()
                : hunting ? HUNTING_PATHS : "*";
        if (ApiFamily.byName(match).isEmpty() && !"*".equals(match)) {
            try {
                Pattern.compile(match);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(
                        "match is neither a family nor a valid regular expression: " + match);
            }
        }
        int status = switch (spec.kind()) {
            case RATE_LIMIT, CPU_QUOTA -> 429;
            case RESULT_TOO_LARGE -> 400;
            default -> spec.status() == null ? 500 : spec.status();
        };
        Duration delay = spec.delay() != null ? Durations.parse(spec.delay())
                : spec.kind() == FaultKind.LATENCY ? Duration.ofSeconds(2)
                : spec.kind() == FaultKind.HANG ? Duration.ofMinutes(5) : Duration.ZERO;
        int retryAfter = spec.retryAfterSeconds() != null ? spec.retryAfterSeconds()
                : spec.kind() == FaultKind.CPU_QUOTA ? 60 : 1;
        String code = spec.errorCode() != null ? spec.errorCode() : ErrorCodes.forStatus(status);
        String message = Optional.ofNullable(spec.message()).orElseGet(() -> switch (spec.kind()) {
            case CPU_QUOTA -> CPU_QUOTA_MESSAGE;
            case RESULT_TOO_LARGE -> RESULT_TOO_LARGE_MESSAGE;
            case RATE_LIMIT -> "Rate limit is exceeded. Try again in " + retryAfter + " seconds.";
            default -> "Simulated failure (HTTP " + status + ").";
        });
        return new Fault(id, match, spec.kind(), status, delay, retryAfter, code, message);
    }

    /** Whether this fault applies to a call of that family and path. */
    public boolean matches(ApiFamily family, String path) {
        if ("*".equals(match)) {
            return family != ApiFamily.TOKEN;
        }
        Optional<ApiFamily> named = ApiFamily.byName(match);
        return named.isPresent() ? named.get() == family : Pattern.compile(match).matcher(path).find();
    }
}
