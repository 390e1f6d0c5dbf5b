package io.mderesponse.simulator.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.mderesponse.simulator.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Single alerts, their documented fields, and alerts that become visible late (reference section 2). */
@QuarkusTest
class AlertEntityTest {

    @BeforeEach
    void reset() {
        Api.reset();
    }

    @Test
    void getAlertByIdHasEntityContextAndEvidence() {
        Api.addAlerts(Map.of("id", "da637472900382838869_1364969609",
                "evidence", List.of(Map.of("entityType", "File", "sha1", "ff836cfb1af40252bd2a2ea843032e99a5b262ed"))));

        Api.authorized().get("/api/alerts/{id}", "da637472900382838869_1364969609")
                .then().statusCode(200)
                .body("'@odata.context'",
                        equalTo("https://api.securitycenter.microsoft.com/api/$metadata#Alerts/$entity"))
                .body("evidence[0].sha1", equalTo("ff836cfb1af40252bd2a2ea843032e99a5b262ed"));
    }

    @Test
    void alertJsonHasEveryDocumentedFieldWithNullsWhereUnset() {
        String machine = Api.addMachine("alert-host");
        Api.addAlerts(Map.of("id", "full", "machineId", machine));

        Map<String, Object> alert = Api.authorized().get("/api/alerts/full").then().statusCode(200)
                .extract().jsonPath().getMap("");
        assertThat(alert).containsKeys("id", "incidentId", "investigationId", "assignedTo", "severity", "status",
                "classification", "determination", "investigationState", "detectionSource", "detectorId",
                "category", "threatFamilyName", "title", "description", "alertCreationTime", "firstEventTime",
                "lastEventTime", "lastUpdateTime", "resolvedTime", "machineId", "computerDnsName", "rbacGroupName",
                "aadTenantId", "threatName", "mitreTechniques", "relatedUser", "comments", "evidence",
                "loggedOnUsers", "domains");
        assertThat(alert.get("loggedOnUsers")).isEqualTo(List.of());
        assertThat(alert.get("classification")).isNull();
        assertThat(alert.get("status")).isEqualTo("New");
        assertThat(alert.get("computerDnsName")).isEqualTo("alert-host.contoso.test");
    }

    @Test
    void theSingleReadReturnsTheLiveOnlyExtrasTheListLeavesOut() {
        Api.addAlerts(Map.of("id", "with-extras",
                "loggedOnUsers", List.of(Map.of("accountName", "temp123", "domainName", "DOMAIN")),
                "domains", List.of("contoso.com")));

        Api.authorized().get("/api/alerts/with-extras").then().statusCode(200)
                .body("loggedOnUsers[0].accountName", equalTo("temp123"))
                .body("loggedOnUsers[0].domainName", equalTo("DOMAIN"))
                .body("domains", equalTo(List.of("contoso.com")));
    }

    @Test
    void unknownAlertIsResourceNotFound() {
        Api.authorized().get("/api/alerts/{id}", "da000_1")
                .then().statusCode(404).body("error.code", equalTo("ResourceNotFound"));
    }

    @Test
    void alertWithIngestionDelayIsInvisibleUntilItsVisibleTime() {
        Api.addAlerts(Map.of("id", "late", "visibleAfter", "2s"));

        Api.authorized().get("/api/alerts/late").then().statusCode(404);
        assertThat(Api.authorized().get("/api/alerts").then().extract().jsonPath().getList("value")).isEmpty();
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> Api.authorized().get("/api/alerts/late").statusCode() == 200);
        Api.authorized().get("/api/alerts").then().body("value.id", equalTo(List.of("late")));
    }

    @Test
    void fractionalSecondsAreWrittenWithAtMostSevenDigits() {
        Api.addAlerts(Map.of("id", "precise", "alertCreationTime", "2021-01-26T20:33:57.722023912Z",
                "lastUpdateTime", "2021-01-26T20:33:59.2Z"));

        Api.authorized().get("/api/alerts/precise").then().statusCode(200)
                .body("alertCreationTime", equalTo("2021-01-26T20:33:57.7220239Z"))
                .body("lastUpdateTime", equalTo("2021-01-26T20:33:59.2Z"));
    }
}
