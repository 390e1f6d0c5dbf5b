package io.mderesponse.simulator.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** Calls the simulator as a client and as an operator would, so tests read as steps. */
public final class Api {

    public static final String TENANT = "test-tenant";
    public static final String SCOPE = "https://api.securitycenter.microsoft.com/.default";
    public static final String GRAPH_SCOPE = "https://graph.microsoft.com/.default";
    public static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private Api() {
    }

    /** A fresh access token for the default client, for Defender's API. */
    public static String token() {
        return token(SCOPE);
    }

    /** A fresh access token for the default client, for the API of this scope. */
    public static String token(String scope) {
        return given().contentType(ContentType.URLENC)
                .formParams(Map.of("grant_type", "client_credentials", "client_id", "local-dev-client",
                        "client_secret", "local-dev-secret", "scope", scope))
                .post("/{tenant}/oauth2/v2.0/token", TENANT)
                .then().statusCode(200).extract().path("access_token");
    }

    /** A request carrying a fresh bearer token for Microsoft Graph. */
    public static RequestSpecification graphAuthorized() {
        return given().auth().oauth2(token(GRAPH_SCOPE));
    }

    /** A request carrying a fresh bearer token. */
    public static RequestSpecification authorized() {
        return given().auth().oauth2(token());
    }

    public static void reset() {
        given().post("/admin/reset").then().statusCode(204);
    }

    /** A machine id (40 lowercase hex) derived from a name, so tests need not spell ids. */
    public static String machineId(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds a machine named {@code name}.contoso.test and returns its id. */
    public static String addMachine(String name) {
        String id = machineId(name);
        given().contentType(ContentType.JSON)
                .body(Map.of("id", id, "computerDnsName", name + ".contoso.test", "healthStatus", "Active"))
                .post("/admin/machines").then().statusCode(200);
        return id;
    }

    /** Adds alerts (a JSON object or array) through the admin API. */
    public static void addAlerts(Object alerts) {
        given().contentType(ContentType.JSON).body(alerts).post("/admin/alerts").then().statusCode(200);
    }

    /** Makes every action of this machine end with that outcome after that delay. */
    public static void actionBehaviour(String machineId, String outcome, String delay) {
        given().contentType(ContentType.JSON).body(Map.of("outcome", outcome, "delay", delay))
                .put("/admin/machines/{id}/action-behaviour", machineId).then().statusCode(200);
    }

    /** Isolates a machine and returns the new action's id. */
    public static String isolate(String machineId) {
        return authorized().contentType(ContentType.JSON)
                .body(Map.of("Comment", "test isolation", "IsolationType", "Full"))
                .post("/api/machines/{id}/isolate", machineId)
                .then().statusCode(201).extract().path("id");
    }

    /** Changes run-time settings ({@code PUT /admin/settings}); a reset restores the configured ones. */
    public static void changeSettings(Map<String, ?> change) {
        given().contentType(ContentType.JSON).body(change).put("/admin/settings").then().statusCode(200);
    }

    /** {@code POST /api/machines/{id}/<action>} with this raw JSON body and a fresh token. */
    public static io.restassured.response.Response machineAction(String machineId, String action, String body) {
        return authorized().contentType(ContentType.JSON).body(body)
                .post("/api/machines/{id}/" + action, machineId);
    }

    public static void addFault(Map<String, Object> fault) {
        given().contentType(ContentType.JSON).body(fault).post("/admin/faults").then().statusCode(201);
    }
}
