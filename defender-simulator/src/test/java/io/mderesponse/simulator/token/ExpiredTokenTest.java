package io.mderesponse.simulator.token;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.mderesponse.simulator.support.Api;
import io.mderesponse.simulator.support.ShortTokenLifetimeProfile;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A token past its lifetime is refused (reference section 1: tokens live about an hour; here one second). */
@QuarkusTest
@TestProfile(ShortTokenLifetimeProfile.class)
class ExpiredTokenTest {

    @Test
    void expiredTokenIsUnauthorized() {
        String token = Api.token();

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() ->
                RestAssured.given().auth().oauth2(token).get("/api/alerts").statusCode() == 401);
        RestAssured.given().auth().oauth2(token).get("/api/alerts")
                .then().statusCode(401).body("error.message", equalTo("The access token has expired."));
    }

    @Test
    void tokenEndpointReportsTheConfiguredLifetime() {
        RestAssured.given().contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "client_credentials").formParam("client_id", "local-dev-client")
                .formParam("client_secret", "local-dev-secret").formParam("scope", Api.SCOPE)
                .post("/t/oauth2/v2.0/token")
                .then().statusCode(200).body("expires_in", equalTo(1));
    }
}
