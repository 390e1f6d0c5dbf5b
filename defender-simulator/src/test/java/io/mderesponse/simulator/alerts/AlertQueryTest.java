package io.mderesponse.simulator.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.mderesponse.simulator.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** OData queries on {@code GET /api/alerts}, from reference section 2. */
@QuarkusTest
class AlertQueryTest {

    private static final String BOUNDARY = "2021-01-26T20:33:57.7220239Z";

    @BeforeEach
    void reset() {
        Api.reset();
    }

    private static Map<String, Object> alert(String id, String created, String severity) {
        return Map.of("id", id, "alertCreationTime", created, "lastUpdateTime", created, "severity", severity);
    }

    private static List<String> ids(String filter, String orderBy) {
        var request = Api.authorized();
        if (filter != null) {
            request.queryParam("$filter", filter);
        }
        if (orderBy != null) {
            request.queryParam("$orderby", orderBy);
        }
        return request.get("/api/alerts").then().statusCode(200).extract().jsonPath().getList("value.id");
    }

    @Test
    void topAboveTenThousandIsBadRequest() {
        Api.authorized().queryParam("$top", 10001).get("/api/alerts")
                .then().statusCode(400)
                .body("error.code", equalTo("ODataError"))
                .body("error.message", containsString("10000"));
    }

    @Test
    void topOfTenThousandIsAccepted() {
        Api.authorized().queryParam("$top", 10000).get("/api/alerts").then().statusCode(200);
    }

    @Test
    void nonNumericTopIsBadRequest() {
        Api.authorized().queryParam("$top", "ten").get("/api/alerts").then().statusCode(400);
    }

    @Test
    void gtExcludesTheAlertExactlyAtTheBoundaryWhileGeIncludesIt() {
        Api.addAlerts(List.of(alert("before", "2021-01-26T20:33:57.7220238Z", "Low"),
                alert("at", BOUNDARY, "Low"), alert("after", "2021-01-26T20:33:57.722024Z", "Low")));

        assertThat(ids("alertCreationTime gt " + BOUNDARY, null)).containsExactly("after");
        assertThat(ids("alertCreationTime ge " + BOUNDARY, null)).containsExactly("at", "after");
        assertThat(ids("alertCreationTime lt " + BOUNDARY, null)).containsExactly("before");
        assertThat(ids("lastUpdateTime le 2021-01-26T20:33:57.7220239000Z", null)).containsExactly("before", "at");
    }

    @Test
    void orderByDescendingReturnsNewestFirst() {
        Api.addAlerts(List.of(alert("a", "2021-01-01T00:00:00Z", "Low"), alert("b", "2021-01-03T00:00:00Z", "Low"),
                alert("c", "2021-01-02T00:00:00Z", "Low")));

        assertThat(ids(null, "alertCreationTime desc")).containsExactly("b", "c", "a");
        assertThat(ids(null, "alertCreationTime asc")).containsExactly("a", "c", "b");
    }

    @Test
    void topAndSkipPageThroughAlertsSharingOneTimestampWithoutDuplicatesOrGaps() {
        List<Map<String, Object>> alerts = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            alerts.add(alert("same-" + i, "2021-02-01T00:00:00Z", "Low"));
        }
        Api.addAlerts(alerts);

        Set<String> seen = new HashSet<>();
        for (int skip = 0; skip < 30; skip += 10) {
            List<String> page = Api.authorized().queryParam("$filter", "alertCreationTime ge 2021-02-01T00:00:00Z")
                    .queryParam("$orderby", "alertCreationTime asc").queryParam("$top", 10).queryParam("$skip", skip)
                    .get("/api/alerts").then().statusCode(200).extract().jsonPath().getList("value.id");
            assertThat(page).hasSizeLessThanOrEqualTo(10).allMatch(seen::add);
        }
        assertThat(seen).hasSize(25);
    }

    @Test
    void filterCombinesAndOrAndParenthesesOverEnumsAndStrings() {
        Api.addAlerts(List.of(alert("low", "2021-01-01T00:00:00Z", "Low"),
                alert("high", "2021-01-01T00:00:00Z", "High"), alert("medium", "2021-01-01T00:00:00Z", "Medium")));

        assertThat(ids("(severity eq 'High' or severity eq 'Low') and status eq 'New'", "id"))
                .containsExactly("high", "low");
        assertThat(ids("severity ge 'Medium'", "id")).containsExactly("high", "medium");
        assertThat(ids("id ne 'low'", "id")).containsExactly("high", "medium");
    }

    @Test
    void unparseableFilterIsBadRequestWithAMessage() {
        Api.authorized().queryParam("$filter", "alertCreationTime gt").get("/api/alerts")
                .then().statusCode(400)
                .body("error.code", equalTo("ODataError"))
                .body("error.message", containsString("$filter"));
    }

    @Test
    void comparingADateTimeWithAQuotedStringIsBadRequest() {
        Api.authorized().queryParam("$filter", "alertCreationTime gt '2021-01-01T00:00:00Z'").get("/api/alerts")
                .then().statusCode(400).body("error.message", containsString("incompatible types"));
    }

    @Test
    void listOmitsEvidenceUnlessExpanded() {
        Api.addAlerts(Map.of("id", "with-evidence",
                "evidence", List.of(Map.of("entityType", "Process", "fileName", "rundll32.exe"))));

        JsonPath plain = Api.authorized().get("/api/alerts").then().statusCode(200).extract().jsonPath();
        assertThat(plain.getMap("value[0]")).doesNotContainKey("evidence");
        Api.authorized().queryParam("$expand", "evidence").get("/api/alerts")
                .then().statusCode(200).body("value[0].evidence[0].fileName", equalTo("rundll32.exe"));
    }

    @Test
    void listNeverHasTheSingleReadsExtrasEvenWithEvidenceExpanded() {
        Api.addAlerts(Map.of("id", "with-extras",
                "loggedOnUsers", List.of(Map.of("accountName", "temp123", "domainName", "DOMAIN")),
                "domains", List.of("contoso.com")));

        for (boolean expand : new boolean[] {false, true}) {
            var request = Api.authorized();
            if (expand) {
                request = request.queryParam("$expand", "evidence");
            }
            Map<String, Object> listed = request.get("/api/alerts").then().statusCode(200).extract().jsonPath()
                    .getMap("value[0]");
            assertThat(listed).as("$expand=evidence: %s", expand).doesNotContainKeys("loggedOnUsers", "domains");
        }
    }

    @Test
    void listAnswerHasTheAlertsContextAndODataHeaders() {
        Api.authorized().get("/api/alerts")
                .then().statusCode(200)
                .header("OData-Version", "4.0")
                .contentType("application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8")
                .body("'@odata.context'", equalTo("https://api.securitycenter.microsoft.com/api/$metadata#Alerts"));
    }
}
