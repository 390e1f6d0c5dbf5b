package io.mderesponse.simulator.error;

import java.util.UUID;

/** The documented error body {@code {"error":{"code","message","target"}}}; target is a new GUID per request. */
public record ErrorBody(Detail error) {

    /** Content type of error answers, as observed on the real API. */
    public static final String CONTENT_TYPE = "application/json; charset=utf-8";

    /** The inner object of the error body. */
    public record Detail(String code, String message, String target) {
    }

    public static ErrorBody of(String code, String message) {
        return new ErrorBody(new Detail(code, message, UUID.randomUUID().toString()));
    }
}
