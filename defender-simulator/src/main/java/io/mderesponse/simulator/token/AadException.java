package io.mderesponse.simulator.token;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/** A token endpoint failure, answered in Entra ID's (AAD) error format rather than the Defender API's. */
public class AadException extends RuntimeException {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'");

    private final int status;
    private final String error;
    private final int aadstsCode;

    public AadException(int status, String error, int aadstsCode, String description) {
        super(description);
        this.status = status;
        this.error = error;
        this.aadstsCode = aadstsCode;
    }

    /** Entra ID's error body. */
    public record Body(
            String error,
            @JsonProperty("error_description") String errorDescription,
            @JsonProperty("error_codes") List<Integer> errorCodes,
            String timestamp,
            @JsonProperty("trace_id") String traceId,
            @JsonProperty("correlation_id") String correlationId) {
    }

    public int status() {
        return status;
    }

    public Body body() {
        return new Body(error, "AADSTS" + aadstsCode + ": " + getMessage(), List.of(aadstsCode),
                TIMESTAMP.format(ZonedDateTime.now(ZoneOffset.UTC)), UUID.randomUUID().toString(),
                UUID.randomUUID().toString());
    }

    static AadException missing(String parameter) {
        return new AadException(400, "invalid_request", 900144,
                "The request body must contain the following parameter: '" + parameter + "'.");
    }
}
