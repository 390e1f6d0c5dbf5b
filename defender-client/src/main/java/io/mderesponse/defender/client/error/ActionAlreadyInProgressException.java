package io.mderesponse.defender.client.error;

import io.mderesponse.defender.client.DefenderOperation;

/** HTTP 400 {@code ActiveRequestAlreadyExists} or "already in progress": such an action is pending on the machine. */
public class ActionAlreadyInProgressException extends DefenderApiException {

    public ActionAlreadyInProgressException(DefenderOperation operation, ErrorDetails details, Throwable cause) {
        super(operation, details, "an action of this kind is already pending for the machine", cause);
    }
}
