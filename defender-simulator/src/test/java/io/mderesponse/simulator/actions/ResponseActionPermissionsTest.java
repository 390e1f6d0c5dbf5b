package io.mderesponse.simulator.actions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.mderesponse.simulator.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each action's application permission (reference 9.1–9.4; a missing one is 403 {@code Forbidden}, section 6), its
 * rate-limit family (100 a minute, 1,500 an hour each, 9 shared; 429 with Retry-After, section 6) and the call log.
 */
@QuarkusTest
class ResponseActionPermissionsTest {

    private static final String SHA1 = "87662bc3d60e4200ceaf7aae249d1c343f4b83c9";
    private static final List<String> ALL_ROLES = List.of("Alert.Read.All", "Alert.ReadWrite.All", "Machine.Read.All",
            "Machine.ReadWrite.All", "Machine.Isolate", "Machine.Scan", "Machine.CollectForensics",
            "Machine.RestrictExecution", "Machine.StopAndQuarantine", "AdvancedQuery.Read.All",
            "ThreatHunting.Read.All");
    private static final String BODY = "{\"Comment\":\"c\",\"ScanType\":\"Quick\",\"Sha1\":\"" + SHA1 + "\"}";

    private String machine;

    @BeforeEach
    void reset() {
        Api.reset();
        machine = Api.addMachine("permission-target");
    }

    @Test
    void theDefaultGrantIncludesEveryActionsPermission() {
        assertThat(given().get("/admin/settings").jsonPath().getList("roles", String.class))
                .containsExactlyInAnyOrderElementsOf(ALL_ROLES);
    }

    @ParameterizedTest(name = "{0} needs {1}")
    @CsvSource({"runAntiVirusScan, Machine.Scan", "collectInvestigationPackage, Machine.CollectForensics",
            "restrictCodeExecution, Machine.RestrictExecution", "unrestrictCodeExecution, Machine.RestrictExecution"})
    void withoutItsPermissionAnActionIsForbiddenNamingIt(String action, String permission) {
        String token = Api.token();
        withoutRoles(permission);

        // A token issued before the permission was removed is refused too.
        given().auth().oauth2(token).contentType("application/json").body(BODY)
                .post("/api/machines/{id}/" + action, machine)
                .then().statusCode(403)
                .body("error.code", equalTo("Forbidden"))
                .body("error.message", containsString(permission))
                .body("error.target", notNullValue());
        Api.machineAction(machine, "isolate", "{\"Comment\":\"c\"}").then().statusCode(201);
    }

    @Test
    void aQuarantineIsAllowedByMachineStopAndQuarantineOrMachineReadWriteAll() {
        withoutRoles("Machine.StopAndQuarantine");
        Api.machineAction(machine, "StopAndQuarantineFile", BODY).then().statusCode(201);

        withoutRoles("Machine.StopAndQuarantine", "Machine.ReadWrite.All");
        Api.machineAction(machine, "StopAndQuarantineFile", BODY)
                .then().statusCode(403).body("error.message", containsString("Machine.StopAndQuarantine"));
    }

    @ParameterizedTest(name = "{0} counts against {1}")
    @CsvSource({"runAntiVirusScan, antivirusscan", "collectInvestigationPackage, investigationpackage",
            "restrictCodeExecution, restrictexecution", "unrestrictCodeExecution, restrictexecution",
            "StopAndQuarantineFile, quarantine"})
    void eachActionCountsAgainstItsOwnFamilyAndIsLoggedUnderIt(String action, String family) {
        Api.changeSettings(Map.of("rateLimits", Map.of(family, Map.of("perWindow", 1))));
        given().delete("/admin/calls").then().statusCode(204);
        Api.machineAction(machine, action, BODY).then().statusCode(201);

        Api.machineAction(machine, action, BODY)
                .then().statusCode(429)
                .body("error.code", equalTo("TooManyRequests"))
                .header("Retry-After", notNullValue());
        Api.machineAction(machine, "isolate", "{\"Comment\":\"c\"}").then().statusCode(201);

        List<Integer> statuses = given().queryParam("family", family).get("/admin/calls")
                .jsonPath().getList("status", Integer.class);
        assertThat(statuses).containsExactly(201, 429);
        assertThat(given().queryParam("family", family).get("/admin/calls").jsonPath().getList("path", String.class))
                .allMatch(path -> path.equals("/api/machines/" + machine + "/" + action));
    }

    @Test
    void thePackageUriHasItsDocumentedLimitOfTwoAMinute() {
        given().get("/admin/settings").then()
                .body("rateLimits.packageuri.perWindow", equalTo(2))
                .body("rateLimits.packageuri.perHour", equalTo(120));
    }

    private static void withoutRoles(String... removed) {
        List<String> roles = new ArrayList<>(ALL_ROLES);
        roles.removeAll(List.of(removed));
        Api.changeSettings(Map.of("roles", roles));
    }
}
