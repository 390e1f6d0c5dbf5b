package io.mderesponse.defender.client.error;

import java.io.Serializable;

/**
 * What Defender said about a failed call: the HTTP status and its error body
 * {@code {"error":{"code","message","target"}}}, each part null when absent.
 *
 * @param httpStatus the status, or 0 when no response arrived
 * @param code Defender's error code, e.g. {@code ResourceNotFound}
 * @param message Defender's free-form message, already cleaned for logs (see {@link #clean})
 * @param target Defender's per-request correlation id, to quote to Microsoft support
 */
public record ErrorDetails(int httpStatus, String code, String message, String target) implements Serializable {

    /** Longest Defender message kept: it is free-form text from outside and ends up in logs. */
    public static final int MAX_MESSAGE_LENGTH = 300;

    /** Details of a failure without any response (timeout, refused connection). */
    public static ErrorDetails noResponse() {
        return new ErrorDetails(0, null, null, null);
    }

    /** Details of a status whose body said nothing usable. */
    public static ErrorDetails status(int httpStatus) {
        return new ErrorDetails(httpStatus, null, null, null);
    }

    /**
     * Text from a response made safe for one log line: control characters and line breaks become {@code ?}
     * (so a body cannot forge log lines), cut to {@link #MAX_MESSAGE_LENGTH}; null stays null.
     */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_MESSAGE_LENGTH + 3));
        for (int i = 0; i < text.length() && i < MAX_MESSAGE_LENGTH; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        if (text.length() > MAX_MESSAGE_LENGTH) {
            out.append("...");
        }
        return out.toString();
    }
}
