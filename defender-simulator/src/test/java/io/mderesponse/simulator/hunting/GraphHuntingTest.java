package io.mderesponse.simulator.hunting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.mderesponse.simulator.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code POST /v1.0/security/runHuntingQuery}, written from the Graph v1.0 reference ("security: runHuntingQuery",
 * "huntingQueryResults"; reference section 9): body {@code Query} and optional {@code Timespan}, answer
 * {@code schema}/{@code results} in lower case, a token for Graph's audience, 429 with Retry-After.
 */
@QuarkusTest
class GraphHuntingTest {

    private static final String PATH = "/v1.0/security/runHuntingQuery";
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    @BeforeEach
    void setUp() {
        Api.reset();
        given().contentType(ContentType.JSON).body(List.of(
                row(NOW.minus(1, ChronoUnit.HOURS), "recent.exe", 4242L),
                row(NOW.minus(3, ChronoUnit.DAYS), "three-days.exe", 7L),
                row(NOW.minus(40, ChronoUnit.DAYS), "forty-days.exe", 1L)))
                .put("/admin/hunting/tables/DeviceProcessEvents").then().statusCode(200);
    }

    private static Map<String, Object> row(Instant at, String fileName, long processId) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("Timestamp", at.toString());
        row.put("FileName", fileName);
        row.put("ProcessId", processId);
        return row;
    }

    private static ValidatableResponse run(Map<String, Object> body) {
        return Api.graphAuthorized().contentType(ContentType.JSON).body(body).post(PATH).then();
    }

    private static ValidatableResponse run(String query, String timespan) {
        return run(Map.of("Query", query, "Timespan", timespan));
    }

    @Test
    void answersGraphsShapeWithLowerCaseSchemaAndResults() {
        run(Map.of("Query", "DeviceProcessEvents | where FileName == \"recent.exe\""))
                .statusCode(200)
                .body("'@odata.context'", endsWith("#microsoft.graph.security.huntingQueryResults"))
                .body("schema.name", equalTo(List.of("Timestamp", "FileName", "ProcessId")))
                .body("schema.type", equalTo(List.of("DateTime", "String", "Int64")))
                .body("results.FileName", equalTo(List.of("recent.exe")))
                .body("Schema", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void writesValuesDifferentlyFromDefendersEndpointButOfTheSameInstantAndNumber() {
        String graphTime = run(Map.of("Query", "DeviceProcessEvents | where FileName == \"recent.exe\""))
                .statusCode(200).body("results[0].ProcessId", equalTo("4242"))
                .extract().path("results[0].Timestamp");
        String defenderTime = Api.authorized().contentType(ContentType.JSON)
                .body(Map.of("Query", "DeviceProcessEvents | where FileName == \"recent.exe\""))
                .post("/api/advancedqueries/run").then().statusCode(200)
                .body("Results[0].ProcessId", equalTo(4242))
                .extract().path("Results[0].Timestamp");

        org.assertj.core.api.Assertions.assertThat(defenderTime).matches(".*\\.\\d{7}Z").isNotEqualTo(graphTime);
        org.assertj.core.api.Assertions.assertThat(Instant.parse(graphTime)).isEqualTo(Instant.parse(defenderTime))
                .isEqualTo(NOW.minus(1, ChronoUnit.HOURS));
    }

    @Test
    void withoutTimespanSearchesTheLast30Days() {
        run(Map.of("Query", "DeviceProcessEvents")).statusCode(200)
                .body("results.FileName", equalTo(List.of("recent.exe", "three-days.exe")));
    }

    @Test
    void aDurationSearchesThatLongBackFromNow() {
        run("DeviceProcessEvents", "P1D").statusCode(200).body("results.FileName", equalTo(List.of("recent.exe")));
        run("DeviceProcessEvents", "PT2H").statusCode(200).body("results.FileName", equalTo(List.of("recent.exe")));
    }

    @Test
    void startEndStartDurationDurationEndAndASingleStartEachSelectTheirRange() {
        Instant fourDaysAgo = NOW.minus(4, ChronoUnit.DAYS);
        Instant twoDaysAgo = NOW.minus(2, ChronoUnit.DAYS);
        run("DeviceProcessEvents", fourDaysAgo + "/" + twoDaysAgo).statusCode(200)
                .body("results.FileName", equalTo(List.of("three-days.exe")));
        run("DeviceProcessEvents", fourDaysAgo + "/P2D").statusCode(200)
                .body("results.FileName", equalTo(List.of("three-days.exe")));
        run("DeviceProcessEvents", "P2D/" + twoDaysAgo).statusCode(200)
                .body("results.FileName", equalTo(List.of("three-days.exe")));
        run("DeviceProcessEvents", twoDaysAgo.toString()).statusCode(200)
                .body("results.FileName", equalTo(List.of("recent.exe")));
    }

    @Test
    void aTimespanThatIsNoIso8601RangeIsBadRequest() {
        for (String bad : List.of("yesterday", "P1D/P2D", "P1Y2X", "2026-13-01T00:00:00Z/P1D",
                NOW + "/" + NOW.minus(1, ChronoUnit.DAYS), "a/b/c")) {
            run("DeviceProcessEvents", bad).statusCode(400)
                    .body("error.code", equalTo("BadRequest"))
                    .body("error.message", containsString("Timespan"));
        }
    }

    @Test
    void theQueryIsRequiredAndTheSameKqlSubsetApplies() {
        run(Map.of("Timespan", "P1D")).statusCode(400).body("error.code", equalTo("MissingRequiredParameter"));
        run("NoSuchTable | take 1", "P1D").statusCode(400).body("error.message", containsString("NoSuchTable"));
        run("DeviceProcessEvents | where Timestamp > ago(2h) | project FileName | take 5", "P30D").statusCode(200)
                .body("schema.name", equalTo(List.of("FileName")))
                .body("results.FileName", equalTo(List.of("recent.exe")));
    }

    @Test
    void aTokenForDefendersApiIsRefusedByGraphAndTheReverse() {
        Api.authorized().contentType(ContentType.JSON).body(Map.of("Query", "DeviceProcessEvents")).post(PATH)
                .then().statusCode(401).header("WWW-Authenticate", notNullValue())
                .body("error.code", equalTo("InvalidAuthenticationToken"))
                .body("error.message", containsString("Invalid audience"));
        Api.graphAuthorized().get("/api/alerts").then().statusCode(401)
                .body("error.code", equalTo("Unauthorized"))
                .body("error.message", containsString("https://graph.microsoft.com"));
    }

    @Test
    void theV1TokenEndpointIssuesGraphTokensForTheGraphResource() {
        String token = given().contentType(ContentType.URLENC)
                .formParams(Map.of("grant_type", "client_credentials", "client_id", "local-dev-client",
                        "client_secret", "local-dev-secret", "resource", "https://graph.microsoft.com"))
                .post("/{tenant}/oauth2/token", Api.TENANT).then().statusCode(200).extract().path("access_token");

        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("Query", "DeviceProcessEvents"))
                .post(PATH).then().statusCode(200);
    }

    @Test
    void theCallQuotaAnswers429WithRetryAfterOnItsOwnFamily() {
        given().contentType(ContentType.JSON)
                .body(Map.of("rateLimits", Map.of("graphhunting", Map.of("perWindow", 1))))
                .put("/admin/settings").then().statusCode(200);

        run(Map.of("Query", "DeviceProcessEvents")).statusCode(200);
        run(Map.of("Query", "DeviceProcessEvents")).statusCode(429)
                .header("Retry-After", notNullValue())
                .body("error.code", equalTo("TooManyRequests"))
                .body("error.message", org.hamcrest.Matchers.not(containsString("CPU")));
        // Defender's hunting family is counted apart.
        Api.authorized().contentType(ContentType.JSON).body(Map.of("Query", "DeviceProcessEvents"))
                .post("/api/advancedqueries/run").then().statusCode(200);
    }

    @Test
    void aCpuQuotaFaultWithoutMatchHitsGraphHuntingToo() {
        Api.addFault(Map.of("kind", "cpuQuota", "count", 1, "retryAfterSeconds", 5));

        run(Map.of("Query", "DeviceProcessEvents")).statusCode(429)
                .header("Retry-After", "5")
                .body("error.message", containsString("CPU"));
        run(Map.of("Query", "DeviceProcessEvents")).statusCode(200);
    }
}
