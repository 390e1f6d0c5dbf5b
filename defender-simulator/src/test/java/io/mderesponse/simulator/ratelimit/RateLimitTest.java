package io.mderesponse.simulator.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.mderesponse.simulator.support.Api;
import io.mderesponse.simulator.support.TightRateLimitProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Per-family limits and 429 with Retry-After (reference section 6), with a three-second "minute": alerts 3 per
 * window, machine actions 4 per "hour" (60 windows, 3 minutes), advanced queries 2 per window.
 */
@QuarkusTest
@TestProfile(TightRateLimitProfile.class)
class RateLimitTest {

    private String token;

    @BeforeEach
    void reset() {
        Api.reset();
        token = Api.token();
    }

    private RequestSpecification given() {
        return RestAssured.given().auth().oauth2(token);
    }

    private Response alerts() {
        return given().get("/api/alerts");
    }

    @Test
    void callsBeyondTheFamilyLimitGet429WithRetryAfterAndTheFamilyRecoversAfterTheWindow() {
        for (int i = 0; i < 3; i++) {
            alerts().then().statusCode(200);
        }

        Response throttled = alerts();
        throttled.then().statusCode(429).body("error.code", equalTo("TooManyRequests"));
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 3L);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> alerts().statusCode() == 200);
    }

    @Test
    void anotherFamilyIsNotAffectedByAnExhaustedOne() {
        for (int i = 0; i < 4; i++) {
            alerts();
        }
        alerts().then().statusCode(429);

        given().get("/api/machineactions").then().statusCode(200);
    }

    @Test
    void hourlyLimitCountsSixtyWindowsAndAsksToWaitUntilASlotFrees() {
        for (int i = 0; i < 4; i++) {
            given().get("/api/machineactions").then().statusCode(200);
        }

        Response throttled = given().get("/api/machineactions");
        throttled.then().statusCode(429);
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(170L, 180L);
    }

    @Test
    void advancedHuntingHasItsOwnLimit() {
        Map<String, String> query = Map.of("Query", "Nothing | take 1");
        for (int i = 0; i < 2; i++) {
            given().contentType(ContentType.JSON).body(query).post("/api/advancedqueries/run").then().statusCode(400);
        }

        given().contentType(ContentType.JSON).body(query).post("/api/advancedqueries/run")
                .then().statusCode(429).body("error.message", containsString("advancedqueries"));
    }
}
