package io.mderesponse.defender.client.error;

import io.mderesponse.defender.client.DefenderOperation;
import java.util.Optional;

/**
 * A Defender API call that failed, with the operation, the HTTP status, Defender's error code and the
 * correlation {@code target}; the subclass says what kind of failure it was.
 */
public abstract class DefenderApiException extends RuntimeException {

    private final DefenderOperation operation;
    private final ErrorDetails details;

    protected DefenderApiException(DefenderOperation operation, ErrorDetails details, String explanation,
            Throwable cause) {
        super(message(operation, details, explanation), cause);
        this.operation = operation;
        this.details = details;
    }

    /** The call that failed. */
    public DefenderOperation operation() {
        return operation;
    }

    /** The HTTP status Defender answered, or 0 when no answer arrived. */
    public int httpStatus() {
        return details.httpStatus();
    }

    /** Defender's error code, e.g. {@code ResourceNotFound}, {@code ActiveRequestAlreadyExists}. */
    public Optional<String> errorCode() {
        return Optional.ofNullable(details.code());
    }

    /** Defender's error message (cleaned for logs). */
    public Optional<String> errorMessage() {
        return Optional.ofNullable(details.message());
    }

    /** Defender's per-request correlation id ({@code error.target}). */
    public Optional<String> target() {
        return Optional.ofNullable(details.target());
    }

    /** Whether a later attempt of the same call may succeed (throttling, server errors, unavailability). */
    public boolean isTransient() {
        return false;
    }

    private static String message(DefenderOperation operation, ErrorDetails details, String explanation) {
        StringBuilder message = new StringBuilder(operation.apiName()).append(' ').append(operation.description())
                .append(" failed:");
        if (details.httpStatus() > 0) {
            message.append(" HTTP ").append(details.httpStatus());
        }
        if (details.code() != null) {
            message.append(' ').append(details.code());
        }
        if (details.message() != null) {
            message.append(details.httpStatus() > 0 ? ": " : " ").append(details.message());
        }
        if (explanation != null) {
            message.append(details.httpStatus() > 0 || details.message() != null ? " (" + explanation + ")"
                    : " " + explanation);
        }
        if (details.target() != null) {
            message.append(" [target ").append(details.target()).append(']');
        }
        return message.toString();
    }
}
