package io.mderesponse.simulator.admin;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.mderesponse.simulator.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /admin/calls}: every call received, with what the caller sent and what it got. */
@QuarkusTest
class CallLogTest {

    @BeforeEach
    void reset() {
        Api.reset();
    }

    @Test
    void recordsMethodPathQueryBodyStatusAndWhetherTheCallWasAuthorized() {
        String machine = Api.addMachine("logged");
        Api.authorized().contentType(ContentType.JSON).body("{\"Comment\":\"logged\"}")
                .post("/api/machines/{id}/isolate", machine).then().statusCode(201);
        given().queryParam("$top", 5).get("/api/alerts").then().statusCode(401);

        given().queryParam("family", "isolate").get("/admin/calls")
                .then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].method", equalTo("POST"))
                .body("[0].path", equalTo("/api/machines/" + machine + "/isolate"))
                .body("[0].body", equalTo("{\"Comment\":\"logged\"}"))
                .body("[0].status", equalTo(201))
                .body("[0].authorized", equalTo(true));
        given().queryParam("family", "alerts").get("/admin/calls")
                .then().body("[0].query", equalTo("%24top=5")).body("[0].status", equalTo(401))
                .body("[0].authorized", equalTo(false));
    }

    @Test
    void filtersByMethodAndPathFragment() {
        Api.authorized().get("/api/machineactions").then().statusCode(200);
        Api.authorized().get("/api/alerts").then().statusCode(200);

        given().queryParam("method", "GET").queryParam("pathContains", "machineactions").get("/admin/calls")
                .then().body("$", hasSize(1)).body("[0].family", equalTo("machineactions"));
    }

    @Test
    void tokenCallsAreLoggedWithoutTheClientSecret() {
        Api.token();

        String body = given().queryParam("family", "token").get("/admin/calls")
                .then().body("$", hasSize(1)).extract().path("[0].body");
        assertThat(body).contains("client_secret=***").doesNotContain("local-dev-secret");
    }

    @Test
    void clearingTheLogForgetsEarlierCalls() {
        Api.authorized().get("/api/alerts");

        given().delete("/admin/calls").then().statusCode(204);
        given().get("/admin/calls").then().body("$", hasSize(0));
    }

    @Test
    void adminCallsAreNotLogged() {
        given().contentType(ContentType.JSON).body(Map.of("actionDelay", "2s")).put("/admin/settings");

        given().get("/admin/calls").then().body("$", hasSize(0));
    }
}
