package io.mderesponse.defender.client.error;

import io.mderesponse.defender.client.DefenderOperation;

/** An HTTP status this client has no meaning for (e.g. 405, 409, 413, or a redirect). */
public class DefenderUnexpectedStatusException extends DefenderApiException {

    public DefenderUnexpectedStatusException(DefenderOperation operation, ErrorDetails details, Throwable cause) {
        super(operation, details, null, cause);
    }
}
