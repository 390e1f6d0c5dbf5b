package io.mderesponse.defender.client.api;

/** A 2xx answer this client cannot read at all; becomes a malformed-response error. */
public final class UnreadableResponseException extends RuntimeException {

    public UnreadableResponseException(String reason) {
        super(reason, null, false, false);
    }
}
