package io.mderesponse.defender.client.error;

import io.mderesponse.defender.client.DefenderOperation;

/** A successful status whose body is not what the API documents (not JSON, wrong shape, empty); never retried. */
public class DefenderMalformedResponseException extends DefenderApiException {

    private final String reason;

    public DefenderMalformedResponseException(DefenderOperation operation, ErrorDetails details, String reason,
            Throwable cause) {
        super(operation, details, "malformed response: " + reason, cause);
        this.reason = reason;
    }

    /** Why the body could not be read, e.g. the JSON parser's complaint. */
    public String reason() {
        return reason;
    }
}
