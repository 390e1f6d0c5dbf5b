package io.mderesponse.simulator.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mderesponse.simulator.error.ErrorBody;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Writes the documented error answer from the gate, before any resource runs. */
@ApplicationScoped
public class GateResponses {

    private final ObjectMapper mapper;

    public GateResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void error(RoutingContext rc, int status, String code, String message, Map<String, String> headers) {
        HttpServerResponse response = rc.response();
        if (response.ended() || response.closed()) {
            return;
        }
        String body;
        try {
            body = mapper.writeValueAsString(ErrorBody.of(code, message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an error body", e);
        }
        response.setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, ErrorBody.CONTENT_TYPE);
        headers.forEach(response::putHeader);
        response.end(body);
    }
}
