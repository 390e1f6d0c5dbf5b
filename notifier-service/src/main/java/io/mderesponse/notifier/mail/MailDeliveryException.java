package io.mderesponse.notifier.mail;

/** The SMTP server did not take an email; the record goes to its dead letter topic with this message. */
public class MailDeliveryException extends RuntimeException {

    public MailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
