package io.mderesponse.defender.client.error;

import io.mderesponse.defender.client.DefenderOperation;

/** HTTP 401, or no token could be obtained: wrong tenant, client id or secret, or an expired token. */
public class DefenderUnauthorizedException extends DefenderApiException {

    public DefenderUnauthorizedException(DefenderOperation operation, ErrorDetails details, Throwable cause) {
        super(operation, details, "check defender.tenant-id, defender.client-id and defender.client-secret", cause);
    }
}
