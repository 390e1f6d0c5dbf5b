package io.mderesponse.simulator.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.mderesponse.simulator.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The operator side: updating alerts, run-time settings and reset. */
@QuarkusTest
class AdminApiTest {

    @BeforeEach
    void reset() {
        Api.reset();
    }

    @Test
    void patchRaisesSeverityAndMovesLastUpdateTimeToNow() {
        Api.addAlerts(Map.of("id", "raise-me", "severity", "Low", "alertCreationTime", "2021-01-01T00:00:00Z"));

        given().contentType(ContentType.JSON).body(Map.of("severity", "High"))
                .patch("/admin/alerts/{id}", "raise-me").then().statusCode(200);

        Map<String, Object> alert = Api.authorized().get("/api/alerts/raise-me").then().statusCode(200)
                .body("severity", equalTo("High"))
                .body("alertCreationTime", equalTo("2021-01-01T00:00:00Z"))
                .extract().jsonPath().getMap("");
        assertThat(Instant.parse((String) alert.get("lastUpdateTime"))).isAfter(Instant.parse("2021-01-02T00:00:00Z"));
    }

    @Test
    void alertWithUnknownSeverityIsRejected() {
        given().contentType(ContentType.JSON).body(Map.of("severity", "Critical")).post("/admin/alerts")
                .then().statusCode(400).body("error.code", equalTo("InvalidInput"));
    }

    @Test
    void settingsChangeTheOutcomeOfNewActions() {
        given().contentType(ContentType.JSON).body(Map.of("actionOutcome", "TimeOut", "actionDelay", "0s"))
                .put("/admin/settings").then().statusCode(200)
                .body("actionOutcome", equalTo("TimeOut")).body("actionDelay", equalTo("PT0S"));
        String machine = Api.addMachine("times-out");
        String action = Api.isolate(machine);

        Api.authorized().get("/api/machineactions/{id}", action).then().body("status", equalTo("TimeOut"));
    }

    @Test
    void settingsChangeRateLimitsOfOneFamily() {
        given().contentType(ContentType.JSON)
                .body(Map.of("rateLimits", Map.of("alerts", Map.of("perWindow", 7))))
                .put("/admin/settings").then().statusCode(200)
                .body("rateLimits.alerts.perWindow", equalTo(7))
                .body("rateLimits.alerts.perHour", equalTo(1500))
                .body("rateLimits.advancedqueries.perWindow", equalTo(45));
    }

    @Test
    void resetForgetsMachinesAlertsAndSettings() {
        Api.addMachine("forgotten");
        Api.addAlerts(Map.of("id", "forgotten"));
        given().contentType(ContentType.JSON).body(Map.of("tokenLifetime", "5s")).put("/admin/settings");

        Api.reset();

        given().get("/admin/machines").then().body("size()", equalTo(0));
        given().get("/admin/alerts").then().body("size()", equalTo(0));
        given().get("/admin/settings").then().body("tokenLifetime", equalTo("PT59M59S"));
    }

    @Test
    void healthIsReady() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
