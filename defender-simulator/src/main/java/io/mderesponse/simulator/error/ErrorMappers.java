package io.mderesponse.simulator.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure of a resource into the documented error body, so no HTML or empty error leaks out. */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e) {
        return response(e.status(), e.code(), e.getMessage());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return response(404, ErrorCodes.NOT_FOUND, "The requested resource was not found.");
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        Response built = response(405, ErrorCodes.METHOD_NOT_ALLOWED, "The requested HTTP method is not allowed.");
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        return allow == null ? built : Response.fromResponse(built).header(HttpHeaders.ALLOW, allow).build();
    }

    /** Quarkus reports a body it cannot parse as a bare 400; say what was wrong with it. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json);
        }
        int status = e.getResponse().getStatus();
        return response(status, ErrorCodes.forStatus(status), e.getMessage());
    }

    /** Admin bodies are bound by Jackson; a body that does not bind is the caller's error, not ours. */
    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return response(400, ErrorCodes.INVALID_REQUEST_BODY, "The request body is invalid: " + e.getOriginalMessage());
    }

    /** Overrides Quarkus' built-in mapper, which answers an empty 400 outside dev mode. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return json(e);
    }

    /** Thrown when an admin value (a duration, a family name, a pattern) does not parse. */
    @ServerExceptionMapper
    public Response illegalArgument(IllegalArgumentException e) {
        return response(400, ErrorCodes.INVALID_INPUT, e.getMessage());
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("Unexpected failure while handling a request", e);
        return response(500, ErrorCodes.INTERNAL_SERVER_ERROR, "An unexpected error occurred.");
    }

    /** The documented error answer. */
    public static Response response(int status, String code, String message) {
        return Response.status(status)
                .type(ErrorBody.CONTENT_TYPE)
                .entity(ErrorBody.of(code, message))
                .build();
    }
}
