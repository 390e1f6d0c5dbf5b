package io.mderesponse.poller.defender;

/** An alert list answer that is not a list of alerts at all; carries the raw body for the dead letter topic. */
public class MalformedAlertListException extends RuntimeException {

    private final String body;
    private final String reason;

    public MalformedAlertListException(String body, String reason) {
        super("Defender's alert list could not be read: " + reason, null, false, false);
        this.body = body;
        this.reason = reason;
    }

    /** The answer as received (possibly empty). */
    public String body() {
        return body;
    }

    public String reason() {
        return reason;
    }
}
