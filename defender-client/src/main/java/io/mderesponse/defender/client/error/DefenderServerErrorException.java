package io.mderesponse.defender.client.error;

import io.mderesponse.defender.client.DefenderOperation;

/** HTTP 5xx, after the retries allowed for the call were used up. */
public class DefenderServerErrorException extends DefenderApiException {

    public DefenderServerErrorException(DefenderOperation operation, ErrorDetails details, Throwable cause) {
        super(operation, details, null, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
