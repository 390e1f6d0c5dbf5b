package io.mderesponse.defender.client;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.mderesponse.defender.client.api.DefenderHttpError;
import io.mderesponse.defender.client.api.UnreadableResponseException;
import io.mderesponse.defender.client.error.ActionAlreadyInProgressException;
import io.mderesponse.defender.client.error.DefenderApiException;
import io.mderesponse.defender.client.error.DefenderBadRequestException;
import io.mderesponse.defender.client.error.DefenderForbiddenException;
import io.mderesponse.defender.client.error.DefenderMalformedResponseException;
import io.mderesponse.defender.client.error.DefenderNotFoundException;
import io.mderesponse.defender.client.error.DefenderServerErrorException;
import io.mderesponse.defender.client.error.DefenderThrottledException;
import io.mderesponse.defender.client.error.DefenderUnauthorizedException;
import io.mderesponse.defender.client.error.DefenderUnavailableException;
import io.mderesponse.defender.client.error.DefenderUnexpectedStatusException;
import io.mderesponse.defender.client.error.ErrorDetails;
import io.mderesponse.defender.client.retry.RetryAfter;
import io.quarkus.oidc.client.OidcClientException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * One failed attempt, classified: what happened, whether the request can have reached Defender, and the typed
 * exception it becomes when no retry follows.
 */
record Failure(Kind kind, ErrorDetails details, Duration retryAfter, String reason, Throwable cause) {

    /** What went wrong. */
    enum Kind {
        /** Defender answered with a status of 400 or more. */
        HTTP,
        /** The request never left: connection refused, unknown host, token endpoint unreachable. */
        NOT_SENT,
        /** Sent, but no answer came (timeout, reset): Defender may have acted on it. */
        NO_ANSWER,
        /** A 2xx whose body could not be read. */
        MALFORMED,
        /** No token: the token endpoint refused our credentials. */
        TOKEN
    }

    // Quarkus' OIDC client reports an unreachable token endpoint with this fixed message.
    private static final String OIDC_UNAVAILABLE = "OIDC Server is not available";

    static Failure malformed(String reason, Throwable cause) {
        return new Failure(Kind.MALFORMED, ErrorDetails.noResponse(), null, ErrorDetails.clean(reason), cause);
    }

    /** Classifies what the REST client threw; exceptions that are no call failure (bugs) are rethrown as they are. */
    static Failure classify(RuntimeException thrown, Instant now) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Error) {
                // A JVM or linkage error inside the REST client is a bug to see, not an outage to retry.
                throw thrown;
            }
            if (t instanceof DefenderHttpError http) {
                return new Failure(Kind.HTTP, http.details(),
                        RetryAfter.parse(http.retryAfter(), now).orElse(null), null, null);
            }
            if (t instanceof UnreadableResponseException unreadable) {
                return malformed(unreadable.getMessage(), thrown);
            }
            if (t instanceof JacksonException json) {
                String reason = json instanceof JsonProcessingException processing ? processing.getOriginalMessage()
                        : json.getMessage();
                return malformed(reason, thrown);
            }
            if (t instanceof OidcClientException oidc) {
                Kind kind = OIDC_UNAVAILABLE.equals(oidc.getMessage()) ? Kind.NOT_SENT : Kind.TOKEN;
                return new Failure(kind, new ErrorDetails(0, null, ErrorDetails.clean(oidc.getMessage()), null),
                        null, null, thrown);
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof UnresolvedAddressException) {
                return new Failure(Kind.NOT_SENT, ErrorDetails.noResponse(), null, null, thrown);
            }
        }
        if (thrown instanceof WebApplicationException web && web.getResponse() != null) {
            return new Failure(Kind.HTTP, ErrorDetails.status(web.getResponse().getStatus()), null, null, thrown);
        }
        if (thrown instanceof ProcessingException || hasCause(thrown, IOException.class)
                || hasCause(thrown, TimeoutException.class)) {
            return new Failure(Kind.NO_ANSWER, ErrorDetails.noResponse(), null, null, thrown);
        }
        throw thrown;
    }

    int status() {
        return details.httpStatus();
    }

    boolean throttled() {
        return kind == Kind.HTTP && status() == 429;
    }

    /**
     * Whether trying again is sound: a 429 and a request that never left always; a 5xx or a lost answer only for
     * idempotent calls, since Defender may have acted on the first (a second isolate would be a second action).
     */
    boolean retriable(DefenderOperation operation) {
        switch (kind) {
            case HTTP:
                return throttled() || (status() >= 500 && operation.idempotent());
            case NOT_SENT:
                return true;
            case NO_ANSWER:
                return operation.idempotent();
            default:
                return false;
        }
    }

    /** The typed exception for this failure. */
    DefenderApiException toException(DefenderOperation operation) {
        switch (kind) {
            case NOT_SENT:
            case NO_ANSWER:
                return new DefenderUnavailableException(operation, details, cause);
            case MALFORMED:
                return new DefenderMalformedResponseException(operation, details, reason, cause);
            case TOKEN:
                return new DefenderUnauthorizedException(operation, details, cause);
            default:
                return httpException(operation);
        }
    }

    private DefenderApiException httpException(DefenderOperation operation) {
        int status = status();
        if (status == 400) {
            return alreadyInProgress() ? new ActionAlreadyInProgressException(operation, details, cause)
                    : new DefenderBadRequestException(operation, details, cause);
        }
        if (status == 401) {
            return new DefenderUnauthorizedException(operation, details, cause);
        }
        if (status == 403) {
            return new DefenderForbiddenException(operation, details, cause);
        }
        if (status == 404) {
            return new DefenderNotFoundException(operation, details, cause);
        }
        if (status == 429) {
            return new DefenderThrottledException(operation, details, retryAfter, cause);
        }
        if (status >= 500) {
            return new DefenderServerErrorException(operation, details, cause);
        }
        return new DefenderUnexpectedStatusException(operation, details, cause);
    }

    // Defender documents the code for live response; for isolate, scan and restrict only the message "Action is
    // already in progress", and for collectInvestigationPackage only "400 if a collection is already running".
    private boolean alreadyInProgress() {
        if ("ActiveRequestAlreadyExists".equals(details.code())) {
            return true;
        }
        String message = details.message() == null ? "" : details.message().toLowerCase(Locale.ROOT);
        return message.contains("already in progress") || message.contains("already running");
    }

    private static boolean hasCause(Throwable thrown, Class<? extends Throwable> type) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
