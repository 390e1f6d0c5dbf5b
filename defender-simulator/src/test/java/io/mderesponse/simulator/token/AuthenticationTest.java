package io.mderesponse.simulator.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import io.mderesponse.simulator.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bearer tokens on /api calls and the documented error body, from reference sections 1 and 6. */
@QuarkusTest
class AuthenticationTest {

    @BeforeEach
    void reset() {
        Api.reset();
    }

    @Test
    void callWithoutTokenIsUnauthorized() {
        given().get("/api/alerts")
                .then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .body("error.code", equalTo("Unauthorized"));
    }

    @Test
    void tokenWithForgedSignatureIsUnauthorized() {
        String token = Api.token();
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        given().auth().oauth2(forged).get("/api/alerts")
                .then().statusCode(401).body("error.code", equalTo("Unauthorized"));
    }

    @Test
    void errorBodyHasDocumentedShapeWithNewGuidTargetPerRequest() {
        String first = given().get("/api/machines")
                .then().statusCode(401)
                .contentType("application/json; charset=utf-8")
                .body("error.code", equalTo("Unauthorized"))
                .body("error.message", matchesPattern(".+"))
                .body("error.target", matchesPattern(Api.GUID))
                .extract().path("error.target");
        String second = given().get("/api/machines").then().statusCode(401).extract().path("error.target");
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void validTokenIsAccepted() {
        Api.authorized().get("/api/alerts").then().statusCode(200);
    }
}
