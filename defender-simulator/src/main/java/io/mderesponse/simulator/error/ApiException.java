package io.mderesponse.simulator.error;

/** An error the API answers with its documented body: HTTP status, error code and message. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;

    public ApiException(int status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static ApiException badRequest(String code, String message) {
        return new ApiException(400, code, message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(404, ErrorCodes.RESOURCE_NOT_FOUND, message);
    }

    public static ApiException invalidInput(String message) {
        return new ApiException(400, ErrorCodes.INVALID_INPUT, message);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }
}
