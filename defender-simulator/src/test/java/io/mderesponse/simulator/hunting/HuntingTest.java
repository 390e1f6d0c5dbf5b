package io.mderesponse.simulator.hunting;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.mderesponse.simulator.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /api/advancedqueries/run}, from reference section 5. */
@QuarkusTest
class HuntingTest {

    @BeforeEach
    void setUp() {
        Api.reset();
        given().contentType(ContentType.JSON).body("""
                [{"Timestamp":"2020-02-05T01:10:26.2648757Z","FileName":"csc.exe","DeviceId":"a1"},
                 {"Timestamp":"2020-02-05T01:11:00Z","FileName":"cmd.exe","DeviceId":"b2"},
                 {"Timestamp":"2020-02-05T01:12:00Z","FileName":"csc.exe","DeviceId":"c3"}]""")
                .put("/admin/hunting/tables/DeviceProcessEvents").then().statusCode(200);
    }

    private static ValidatableResponse run(String query) {
        return Api.authorized().contentType(ContentType.JSON).body(Map.of("Query", query))
                .post("/api/advancedqueries/run").then();
    }

    @Test
    void returnsSchemaInferredFromTheTableAndItsRows() {
        run("DeviceProcessEvents")
                .statusCode(200)
                .body("Schema.Name", equalTo(List.of("Timestamp", "FileName", "DeviceId")))
                .body("Schema.Type", equalTo(List.of("DateTime", "String", "String")))
                .body("Results.size()", equalTo(3));
    }

    @Test
    void whereEqualsSelectsMatchingRowsAndLimitCutsThem() {
        run("DeviceProcessEvents | where FileName == \"csc.exe\"").statusCode(200)
                .body("Results.DeviceId", equalTo(List.of("a1", "c3")));
        run("DeviceProcessEvents | where FileName == \"csc.exe\" | limit 1").statusCode(200)
                .body("Results.DeviceId", equalTo(List.of("a1")));
        run("DeviceProcessEvents | take 2").statusCode(200).body("Results.size()", equalTo(2));
    }

    @Test
    void unknownTableIsBadRequest() {
        run("NoSuchTable | take 1").statusCode(400)
                .body("error.code", equalTo("BadRequest"))
                .body("error.message", containsString("NoSuchTable"));
    }

    @Test
    void lowercaseQueryParameterIsMissingRequiredParameter() {
        Api.authorized().contentType(ContentType.JSON).body(Map.of("query", "DeviceProcessEvents"))
                .post("/api/advancedqueries/run").then().statusCode(400)
                .body("error.code", equalTo("MissingRequiredParameter"));
    }

    @Test
    void cpuQuotaFaultAnswers429SayingItIsTheCpuQuota() {
        Api.addFault(Map.of("kind", "cpuQuota", "count", 1));

        run("DeviceProcessEvents").statusCode(429)
                .header("Retry-After", "60")
                .body("error.code", equalTo("TooManyRequests"))
                .body("error.message", containsString("CPU"));
        run("DeviceProcessEvents").statusCode(200);
    }

    @Test
    void resultTooLargeFaultAnswers400WithTheDocumentedMessage() {
        Api.addFault(Map.of("kind", "resultTooLarge"));

        run("DeviceProcessEvents").statusCode(400)
                .body("error.message", containsString("Query execution has exceeded the allowed result size"));
    }

    @Test
    void theCallQuotaAnswers429WithRetryAfterAndABodyThatIsNotTheCpuQuota() {
        given().contentType(ContentType.JSON)
                .body(Map.of("rateLimits", Map.of("advancedqueries", Map.of("perWindow", 1))))
                .put("/admin/settings").then().statusCode(200);

        run("DeviceProcessEvents").statusCode(200);
        run("DeviceProcessEvents").statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("error.code", equalTo("TooManyRequests"))
                .body("error.message", org.hamcrest.Matchers.not(containsString("CPU")));
    }

    @Test
    void aTimeFilterWithAgoAndTakeSelectTheDocumentedSubset() {
        given().contentType(ContentType.JSON).body("[{\"Timestamp\":\"" + java.time.Instant.now()
                + "\",\"DeviceId\":\"new\"},{\"Timestamp\":\"2020-01-01T00:00:00Z\",\"DeviceId\":\"old\"}]")
                .put("/admin/hunting/tables/DeviceEvents").then().statusCode(200);

        run("DeviceEvents | where Timestamp > ago(1h) | take 5").statusCode(200)
                .body("Results.DeviceId", equalTo(List.of("new")));
    }
}
