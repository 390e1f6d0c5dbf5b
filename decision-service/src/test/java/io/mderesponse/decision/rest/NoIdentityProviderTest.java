package io.mderesponse.decision.rest;

import static io.restassured.RestAssured.given;

import io.mderesponse.testsupport.kafka.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Out of the box, with no identity provider configured, every operator endpoint is closed: it fails closed. */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@TestProfile(NoIdentityProviderTest.Defaults.class)
class NoIdentityProviderTest {

    /** The shipped defaults: no identity provider, operator.auth unset. */
    public static class Defaults implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.tenant-enabled", "false");
        }
    }

    @Test
    void everyOperatorEndpointAnswers401() {
        given().get("/rules").then().statusCode(401);
        given().body("rules: []").post("/rules/validate").then().statusCode(401);
        given().get("/dlq").then().statusCode(401);
        given().get("/approvals").then().statusCode(401);
    }
}
