package io.mderesponse.simulator.error;

/** The error codes of the Defender API's error body, as documented. */
public final class ErrorCodes {

    public static final String BAD_REQUEST = "BadRequest";
    public static final String ODATA_ERROR = "ODataError";
    public static final String INVALID_INPUT = "InvalidInput";
    public static final String INVALID_REQUEST_BODY = "InvalidRequestBody";
    public static final String INVALID_HASH_VALUE = "InvalidHashValue";
    public static final String MISSING_REQUIRED_PARAMETER = "MissingRequiredParameter";
    public static final String ACTIVE_REQUEST_ALREADY_EXISTS = "ActiveRequestAlreadyExists";
    public static final String UNAUTHORIZED = "Unauthorized";
    public static final String FORBIDDEN = "Forbidden";
    public static final String NOT_FOUND = "NotFound";
    public static final String RESOURCE_NOT_FOUND = "ResourceNotFound";
    public static final String METHOD_NOT_ALLOWED = "MethodNotAllowed";
    public static final String TOO_MANY_REQUESTS = "TooManyRequests";
    public static final String INTERNAL_SERVER_ERROR = "InternalServerError";
    public static final String SERVICE_UNAVAILABLE = "ServiceUnavailable";

    private ErrorCodes() {
    }

    /** The code an error of this status carries when nobody chose a more precise one. */
    public static String forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 429 -> TOO_MANY_REQUESTS;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL_SERVER_ERROR : BAD_REQUEST;
        };
    }
}
