package io.mderesponse.defender.client.error;

import io.mderesponse.defender.client.DefenderOperation;

/** HTTP 400: Defender rejected the request; {@link #errorCode()} says why (e.g. {@code InvalidRequestBody}). */
public class DefenderBadRequestException extends DefenderApiException {

    public DefenderBadRequestException(DefenderOperation operation, ErrorDetails details, Throwable cause) {
        super(operation, details, null, cause);
    }
}
