package io.mderesponse.simulator.actions;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.mderesponse.simulator.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Isolate and unisolate, from reference sections 4 and 6; the test profile's action delay is 1 s. */
@QuarkusTest
class IsolationTest {

    private String machine;

    @BeforeEach
    void reset() {
        Api.reset();
        machine = Api.addMachine("isolation-target");
    }

    private io.restassured.response.Response isolate(String body) {
        return Api.authorized().contentType(ContentType.JSON).body(body)
                .post("/api/machines/{id}/isolate", machine);
    }

    @Test
    void isolateAnswers201WithAPendingMachineAction() {
        isolate("{\"Comment\":\"Isolate machine due to alert 1234\",\"IsolationType\":\"Selective\"}")
                .then().statusCode(201)
                .contentType("application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8")
                .body("'@odata.context'",
                        equalTo("https://api.securitycenter.microsoft.com/api/$metadata#MachineActions/$entity"))
                .body("id", matchesPattern(Api.GUID))
                .body("type", equalTo("Isolate"))
                .body("scope", equalTo("Selective"))
                .body("status", equalTo("Pending"))
                .body("requestor", equalTo("local-dev-client"))
                .body("requestorComment", equalTo("Isolate machine due to alert 1234"))
                .body("machineId", equalTo(machine))
                .body("computerDnsName", equalTo("isolation-target.contoso.test"))
                .body("creationDateTimeUtc", notNullValue())
                .body("cancellationRequestor", nullValue())
                .body("relatedFileInfo", nullValue());
    }

    @Test
    void isolationReachesSucceededAfterTheConfiguredDelayAndTheMachineIsIsolated() {
        String action = Api.isolate(machine);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() ->
                "Succeeded".equals(Api.authorized().get("/api/machineactions/{id}", action).path("status")));
        given().get("/admin/machines/{id}/isolation", machine)
                .then().statusCode(200).body("isolated", equalTo(true)).body("decidedByActionId", equalTo(action));
    }

    @Test
    void secondIsolateWhileOneIsPendingIsActiveRequestAlreadyExists() {
        Api.actionBehaviour(machine, "Succeeded", "1m");
        Api.isolate(machine);

        isolate("{\"Comment\":\"again\",\"IsolationType\":\"Full\"}")
                .then().statusCode(400)
                .body("error.code", equalTo("ActiveRequestAlreadyExists"))
                .body("error.message", equalTo("Action is already in progress"));
    }

    @Test
    void lowercaseCommentIsMissingRequiredParameterBecauseNamesAreCaseSensitive() {
        isolate("{\"comment\":\"lowercase\",\"IsolationType\":\"Full\"}")
                .then().statusCode(400).body("error.code", equalTo("MissingRequiredParameter"));
    }

    @Test
    void malformedJsonIsInvalidRequestBody() {
        isolate("{\"Comment\":").then().statusCode(400).body("error.code", equalTo("InvalidRequestBody"));
    }

    @Test
    void unknownIsolationTypeIsInvalidInput() {
        isolate("{\"Comment\":\"x\",\"IsolationType\":\"Partial\"}")
                .then().statusCode(400).body("error.code", equalTo("InvalidInput"));
    }

    @Test
    void isolatingAnUnknownMachineIsResourceNotFound() {
        Api.authorized().contentType(ContentType.JSON).body(Map.of("Comment", "x"))
                .post("/api/machines/{id}/isolate", Api.machineId("nobody"))
                .then().statusCode(404).body("error.code", equalTo("ResourceNotFound"));
    }

    @Test
    void getOnIsolateIsMethodNotAllowedWithAllowPost() {
        Api.authorized().get("/api/machines/{id}/isolate", machine)
                .then().statusCode(405).header("Allow", "POST");
    }

    @Test
    void unisolateAfterASucceededIsolationReleasesTheMachine() {
        Api.actionBehaviour(machine, "Succeeded", "0s");
        Api.isolate(machine);
        Api.authorized().contentType(ContentType.JSON).body(Map.of("Comment", "release"))
                .post("/api/machines/{id}/unisolate", machine)
                .then().statusCode(201).body("type", equalTo("Unisolate")).body("status", equalTo("Pending"));

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() ->
                !given().get("/admin/machines/{id}/isolation", machine).<Boolean>path("isolated"));
    }

    @Test
    void perMachineBehaviourMakesTheActionFail() {
        Api.actionBehaviour(machine, "Failed", "100ms");
        String action = Api.isolate(machine);

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() ->
                "Failed".equals(Api.authorized().get("/api/machineactions/{id}", action).path("status")));
        given().get("/admin/machines/{id}/isolation", machine).then().body("isolated", equalTo(false));
    }
}
