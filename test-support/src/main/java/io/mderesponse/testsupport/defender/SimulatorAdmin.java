package io.mderesponse.testsupport.defender;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A client of the Defender simulator's admin API ({@code /admin}): seed machines and alerts, inject faults, read
 * the call log, change settings, reset. Any answer other than 2xx is an {@link IllegalStateException}.
 *
 * <p>Entities are passed as anything Jackson writes as a JSON object (a {@code Map}, an {@code ObjectNode}, a
 * record) and come back as {@link JsonNode}, so tests state only the fields they care about.
 */
public final class SimulatorAdmin {

    private static final TypeReference<List<SimulatorCall>> CALLS = new TypeReference<>() {
    };

    private final String baseUrl;
    // HTTP/1.1: the JDK client's default h2c upgrade of a POST with a body is not what a test should depend on.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    /** @param baseUrl the simulator's base URL, e.g. the test's {@code defender.api.base-url} */
    public SimulatorAdmin(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Adds a fresh sample workstation ({@link SampleData#machine}) with a new id, and answers that id. */
    public String addSampleMachine() {
        String machineId = TestIds.machineId();
        addMachine(SampleData.machine(machineId, "ws-" + machineId.substring(0, 6) + ".contoso.com"));
        return machineId;
    }

    /** Adds or replaces a machine ({@code id}: 40 lowercase hex); answers it with defaults filled in. */
    public JsonNode addMachine(Object machine) {
        return send("POST", "/admin/machines", machine).get(0);
    }

    /**
     * Adds an alert; missing fields get defaults (id, times, status New). {@code visibleAfter} ({@code 30s})
     * delays when the API shows it. Answers the stored alert.
     */
    public JsonNode addAlert(Object alert) {
        return send("POST", "/admin/alerts", alert).get(0);
    }

    /**
     * Adds many alerts in one request ({@code POST /admin/alerts} with an array), each as in
     * {@link #addAlert(Object)}; answers the stored alerts in order.
     */
    public List<JsonNode> addAlerts(List<?> alerts) {
        List<JsonNode> stored = new ArrayList<>();
        send("POST", "/admin/alerts", alerts).forEach(stored::add);
        return stored;
    }

    /** Changes fields of an alert; {@code lastUpdateTime} moves to now unless given. */
    public JsonNode updateAlert(String alertId, Object changes) {
        return send("PATCH", "/admin/alerts/" + encode(alertId), changes);
    }

    /** A machine's isolation state as the simulator tracks it. */
    public JsonNode machineIsolation(String machineId) {
        return send("GET", "/admin/machines/" + encode(machineId) + "/isolation", null);
    }

    /** How the machine's future actions end ({@code Succeeded}, {@code Failed}, {@code TimeOut}) and after how long. */
    public JsonNode setActionBehaviour(String machineId, String outcome, String delay) {
        return send("PUT", "/admin/machines/" + encode(machineId) + "/action-behaviour",
                Map.of("outcome", outcome, "delay", delay));
    }

    /** Replaces an advanced hunting table with these rows. */
    public JsonNode putHuntingTable(String name, List<Map<String, Object>> rows) {
        return send("PUT", "/admin/hunting/tables/" + encode(name), rows);
    }

    /** The advanced hunting tables: name, inferred schema and row count of each. */
    public JsonNode huntingTables() {
        return send("GET", "/admin/hunting/tables", null);
    }

    /** Injects a fault; answers its id. */
    public String addFault(SimulatorFault fault) {
        return send("POST", "/admin/faults", fault).path("id").asText();
    }

    public void removeFault(String faultId) {
        send("DELETE", "/admin/faults/" + encode(faultId), null);
    }

    public void clearFaults() {
        send("DELETE", "/admin/faults", null);
    }

    /** The calls received so far, oldest first. */
    public List<SimulatorCall> calls(CallFilter filter) {
        List<String> query = new ArrayList<>();
        addParam(query, "family", filter.family());
        addParam(query, "method", filter.method());
        addParam(query, "pathContains", filter.pathContains());
        JsonNode calls = send("GET", "/admin/calls" + (query.isEmpty() ? "" : "?" + String.join("&", query)), null);
        return json.convertValue(calls, CALLS);
    }

    public List<SimulatorCall> calls() {
        return calls(CallFilter.all());
    }

    public void clearCalls() {
        send("DELETE", "/admin/calls", null);
    }

    /** The settings in force. */
    public JsonNode settings() {
        return send("GET", "/admin/settings", null);
    }

    /**
     * Changes run-time settings: {@code actionDelay}, {@code actionOutcome}, {@code tokenLifetime},
     * {@code rateLimitWindow}, {@code rateLimits} ({@code {"alerts":{"perWindow":5}}}); absent ones stay.
     */
    public JsonNode changeSettings(Map<String, ?> change) {
        return send("PUT", "/admin/settings", change);
    }

    /** Back to the start state: no data, no faults, empty call log, settings as configured at start. */
    public void reset() {
        send("POST", "/admin/reset", null);
    }

    private JsonNode send(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json");
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            }
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("Simulator admin " + method + " " + path + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body().isBlank() ? json.nullNode() : json.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Simulator admin " + method + " " + path + ": unreadable JSON", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Simulator admin " + method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during simulator admin " + method + " " + path, e);
        }
    }

    private static void addParam(List<String> query, String name, String value) {
        if (value != null) {
            query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static String encode(String segment) {
        // Path segments: URLEncoder's form encoding, with spaces as %20 rather than +.
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
