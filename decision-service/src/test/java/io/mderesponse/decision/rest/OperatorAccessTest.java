package io.mderesponse.decision.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.mderesponse.testsupport.kafka.KafkaBrokerResource;
import io.mderesponse.testsupport.oidc.OperatorIdentityProvider;
import io.mderesponse.testsupport.oidc.OperatorIdentityProvider.Person;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Who may call decision-service's operator endpoints, with the operators' identity provider configured: rules and
 * the list of held decisions for {@code soc-operator}, approving, denying and releasing for {@code soc-approver}
 * only; no token, a foreign audience or a token claiming the local-run role opens nothing. Health and metrics are
 * on the management port, not on the application port.
 */
@QuarkusTest
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(OperatorIdentityProvider.class)
class OperatorAccessTest {

    private static final String MACHINE = "0123456789abcdef0123456789abcdef01234567";

    @TestHTTPResource(value = "/health/ready", management = true)
    URL readiness;
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @Test
    void withoutAPersonsTokenEveryOperatorEndpointAnswers401() {
        given().get("/rules").then().statusCode(401);
        given().body("rules: []").post("/rules/validate").then().statusCode(401);
        given().body("rules: []").post("/rules/backtest").then().statusCode(401);
        given().get("/approvals").then().statusCode(401);
        approve(given()).then().statusCode(401);
        release(given()).then().statusCode(401);
        given().get("/dlq").then().statusCode(401);
    }

    @Test
    void aTokenForAnotherAudienceOrUnsignedIsRefused() {
        as(Person.OTHER_AUDIENCE).get("/rules").then().statusCode(401);
        given().auth().oauth2("eyJhbGciOiJub25lIn0.eyJzdWIiOiJtYWxsb3J5In0.").get("/rules").then().statusCode(401);
    }

    @Test
    void aSocOperatorReadsRulesDeadLettersAndHeldDecisionsButCannotApproveOrRelease() {
        as(Person.OPERATOR).get("/rules").then().statusCode(200);
        as(Person.OPERATOR).get("/dlq").then().statusCode(200);
        as(Person.OPERATOR).get("/approvals").then().statusCode(200);

        approve(as(Person.OPERATOR)).then().statusCode(403);
        release(as(Person.OPERATOR)).then().statusCode(403);
    }

    @Test
    void aSocApproverSettlesAndReleasesButDoesNotTouchRulesOrDeadLetters() {
        as(Person.APPROVER).get("/approvals").then().statusCode(200);
        approve(as(Person.APPROVER)).then().statusCode(404); // authorised; no such held decision

        as(Person.APPROVER).get("/rules").then().statusCode(403);
        as(Person.APPROVER).post("/dlq/alerts-enriched/redrive").then().statusCode(403);
    }

    @Test
    void aPersonWithoutAnOperatorRoleOrClaimingTheLocalRunRoleGets403() {
        as(Person.VIEWER).get("/rules").then().statusCode(403);
        as(Person.VIEWER).get("/approvals").then().statusCode(403);
        as(Person.CLAIMS_LOCAL_ROLE).get("/rules").then().statusCode(403);
        as(Person.CLAIMS_LOCAL_ROLE).get("/dlq").then().statusCode(403);
    }

    @Test
    void healthAndMetricsAreOnTheManagementPortOnly() {
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);

        given().get(readiness).then().statusCode(200)
                .body("checks.find { it.name == 'operator-auth' }.data.mode", equalTo("oidc"))
                .body("checks.name", hasItem("operator-auth"));
        given().get(metrics).then().statusCode(200);
    }

    private static RequestSpecification as(Person person) {
        return given().auth().oauth2(OperatorIdentityProvider.token(person));
    }

    private static io.restassured.response.Response approve(RequestSpecification request) {
        return request.contentType("application/json").body("{\"decision\": \"approve\"}")
                .post("/approvals/" + UUID.randomUUID());
    }

    private static io.restassured.response.Response release(RequestSpecification request) {
        return request.contentType("application/json").body("{\"comment\": \"done\"}")
                .post("/machines/" + MACHINE + "/release");
    }
}
