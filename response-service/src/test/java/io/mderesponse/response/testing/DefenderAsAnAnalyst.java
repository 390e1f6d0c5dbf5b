package io.mderesponse.response.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mderesponse.testsupport.defender.DefenderSimulatorResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Calls the simulator's Defender API as another party would (an analyst in the portal, or an instance of this
 * service before it crashed): with its own token, outside the service.
 */
public final class DefenderAsAnAnalyst {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public DefenderAsAnAnalyst(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** {@code POST /api/machines/{machineId}/{action}} with {@code body}; answers the status and body. */
    public HttpResponse<String> post(String machineId, String action, String body) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/machines/" + machineId + "/" + action))
                    .header("Authorization", "Bearer " + token())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the action and answers its id; fails unless Defender answered 201. */
    public String start(String machineId, String action, String body) {
        HttpResponse<String> answer = post(machineId, action, body);
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("Expected 201 from " + action + ", got " + answer.statusCode() + ": "
                    + answer.body());
        }
        return read(answer.body()).path("id").asText();
    }

    private String token() throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_id=" + DefenderSimulatorResource.CLIENT_ID
                + "&client_secret=" + DefenderSimulatorResource.CLIENT_SECRET
                + "&scope=https%3A%2F%2Fapi.securitycenter.microsoft.com%2F.default";
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(DefenderSimulatorResource.tokenUrl(
                        baseUrl, DefenderSimulatorResource.TENANT_ID)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (token.statusCode() != 200) {
            throw new IllegalStateException("No token: " + token.statusCode() + " " + token.body());
        }
        return read(token.body()).path("access_token").asText();
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
