package io.mderesponse.service.messaging;

/**
 * A record that can never be processed, whatever the retries: it goes to the channel's dead letter topic with
 * this exception's message as {@code dead-letter-reason}.
 */
public class PoisonRecordException extends RuntimeException {

    public PoisonRecordException(String message, Throwable cause) {
        super(message, cause);
    }

    public PoisonRecordException(String message) {
        super(message);
    }
}
