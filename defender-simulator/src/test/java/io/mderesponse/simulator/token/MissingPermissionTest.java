package io.mderesponse.simulator.token;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.mderesponse.simulator.support.Api;
import io.mderesponse.simulator.support.WithoutIsolatePermissionProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A token without the operation's permission gets 403 (reference sections 1 and 6). */
@QuarkusTest
@TestProfile(WithoutIsolatePermissionProfile.class)
class MissingPermissionTest {

    @BeforeEach
    void reset() {
        Api.reset();
    }

    @Test
    void isolateWithoutMachineIsolatePermissionIsForbiddenNamingThePermission() {
        String machine = Api.addMachine("no-permission");

        Api.authorized().contentType(ContentType.JSON).body(Map.of("Comment", "x"))
                .post("/api/machines/{id}/isolate", machine)
                .then().statusCode(403)
                .body("error.code", equalTo("Forbidden"))
                .body("error.message", containsString("Machine.Isolate"));
    }

    @Test
    void advancedHuntingWithoutItsPermissionIsForbidden() {
        Api.authorized().contentType(ContentType.JSON).body(Map.of("Query", "T"))
                .post("/api/advancedqueries/run")
                .then().statusCode(403).body("error.message", containsString("AdvancedQuery.Read.All"));
    }

    @Test
    void graphHuntingWithoutThreatHuntingReadAllIsForbiddenNamingThePermission() {
        Api.graphAuthorized().contentType(ContentType.JSON).body(Map.of("Query", "T"))
                .post("/v1.0/security/runHuntingQuery")
                .then().statusCode(403).body("error.message", containsString("ThreatHunting.Read.All"));
    }

    @Test
    void readingMachinesWithMachineReadAllIsAllowed() {
        String machine = Api.addMachine("readable");

        Api.authorized().get("/api/machines/{id}", machine).then().statusCode(200);
    }
}
