package io.mderesponse.simulator.faults;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

import io.mderesponse.simulator.support.Api;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults injected through the admin API, applied after authentication and rate limiting. */
@QuarkusTest
class FaultsTest {

    @TestHTTPResource("/api/alerts")
    URI alerts;

    @BeforeEach
    void reset() {
        Api.reset();
    }

    @Test
    void statusFaultAffectsOnlyAsManyCallsAsItsCount() {
        Api.addFault(Map.of("match", "alerts", "kind", "status", "status", 503, "count", 1));

        Api.authorized().get("/api/alerts").then().statusCode(503).body("error.code", equalTo("ServiceUnavailable"));
        Api.authorized().get("/api/alerts").then().statusCode(200);
    }

    @Test
    void rateLimitFaultAnswers429WithItsRetryAfter() {
        Api.addFault(Map.of("match", "machineactions", "kind", "rateLimit", "retryAfterSeconds", 7));

        Api.authorized().get("/api/machineactions").then().statusCode(429).header("Retry-After", "7")
                .body("error.code", equalTo("TooManyRequests"));
    }

    @Test
    void faultsApplyOnlyAfterAuthentication() {
        Api.addFault(Map.of("match", "alerts", "kind", "status", "status", 500));

        given().get("/api/alerts").then().statusCode(401);
    }

    @Test
    void pathRegexFaultMatchesOnlyThatPath() {
        Api.addFault(Map.of("match", "/api/alerts/broken$", "kind", "status", "status", 500, "errorCode",
                "InternalServerError", "message", "boom"));

        Api.authorized().get("/api/alerts/broken").then().statusCode(500).body("error.message", equalTo("boom"));
        Api.authorized().get("/api/alerts/fine").then().statusCode(404);
    }

    @Test
    void latencyFaultDelaysTheAnswer() {
        Api.addFault(Map.of("match", "alerts", "kind", "latency", "delay", "400ms"));
        String token = Api.token();

        long start = System.nanoTime();
        given().auth().oauth2(token).get("/api/alerts").then().statusCode(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }

    @Test
    void hangFaultHoldsTheCallOpenWithoutAnswer() {
        Api.addFault(Map.of("match", "alerts", "kind", "hang", "delay", "5s"));
        HttpRequest request = HttpRequest.newBuilder(alerts).header("Authorization", "Bearer " + Api.token())
                .timeout(Duration.ofMillis(500)).build();

        assertThatThrownBy(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void deletingFaultsRestoresNormalAnswers() {
        Api.addFault(Map.of("kind", "status", "status", 500));
        Api.authorized().get("/api/alerts").then().statusCode(500);

        given().delete("/admin/faults").then().statusCode(204);
        Api.authorized().get("/api/alerts").then().statusCode(200);
    }
}
