package io.mderesponse.defender.client.error;

import io.mderesponse.defender.client.DefenderOperation;

/** HTTP 404: the alert, machine or machine action does not exist (or is out of retention). */
public class DefenderNotFoundException extends DefenderApiException {

    public DefenderNotFoundException(DefenderOperation operation, ErrorDetails details, Throwable cause) {
        super(operation, details, null, cause);
    }
}
