package io.mderesponse.decision.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.mderesponse.testsupport.kafka.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The local run's explicit {@code operator.auth=none}: rules and dead letters open without a token, approvals and
 * releases still need a person, and readiness says so.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@TestProfile(LocalRunAccessTest.OpenLocally.class)
class LocalRunAccessTest {

    /** No identity provider; the operator opened the endpoints that need no person. */
    public static class OpenLocally implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("operator.auth", "none");
        }
    }

    @TestHTTPResource(value = "/health/ready", management = true)
    URL readiness;

    @Test
    void rulesAndDeadLettersOpenWithoutAToken() {
        given().get("/rules").then().statusCode(200);
        given().get("/dlq").then().statusCode(200);
    }

    @Test
    void approvalsAndReleasesStillNeedAPerson() {
        given().get("/approvals").then().statusCode(401);
        given().contentType("application/json").body("{\"decision\": \"approve\"}")
                .post("/approvals/" + UUID.randomUUID()).then().statusCode(401);
        given().contentType("application/json").body("{\"comment\": \"done\"}")
                .post("/machines/0123456789abcdef0123456789abcdef01234567/release").then().statusCode(401);
    }

    @Test
    void readinessWarnsThatTheEndpointsAreOpen() {
        given().get(readiness).then().statusCode(200)
                .body("checks.find { it.name == 'operator-auth' }.data.mode", equalTo("none"))
                .body("checks.find { it.name == 'operator-auth' }.data.warning", containsString("operator.auth=none"));
    }
}
