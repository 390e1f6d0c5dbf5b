package io.mderesponse.simulator.actions;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where reference section 9 marks a behaviour unconfirmed or names two answers, the simulator plays each, chosen by
 * a run-time setting: a repeated scan, restrict or unrestrict while one is pending ("returns the pending machine
 * action or HTTP 400 'Action is already in progress'", 9 shared), the status right after creation (Pending
 * documented for live response only, 9 shared), and a repeated quarantine of the same file (no duplicate case
 * documented, 9.4).
 */
@QuarkusTest
class RepeatedActionsTest {

    private static final String SHA1 = "87662bc3d60e4200ceaf7aae249d1c343f4b83c9";

    private String machine;

    @BeforeEach
    void reset() {
        Api.reset();
        machine = Api.addMachine("repeat-target");
        Api.actionBehaviour(machine, "Succeeded", "1m");
    }

    private static String body(String action) {
        return action.equals("runAntiVirusScan") ? "{\"Comment\":\"again\",\"ScanType\":\"Quick\"}"
                : "{\"Comment\":\"again\"}";
    }

    @ParameterizedTest
    @ValueSource(strings = {"runAntiVirusScan", "restrictCodeExecution", "unrestrictCodeExecution"})
    void byDefaultARepeatWhileOneIsPendingIs400ActionIsAlreadyInProgress(String action) {
        Api.machineAction(machine, action, body(action)).then().statusCode(201);

        Api.machineAction(machine, action, body(action))
                .then().statusCode(400)
                .body("error.code", equalTo("ActiveRequestAlreadyExists"))
                .body("error.message", equalTo("Action is already in progress"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"runAntiVirusScan", "restrictCodeExecution", "unrestrictCodeExecution"})
    void withRepeatAnswerPendingActionARepeatAnswersThePendingActionAndCreatesNone(String action) {
        Api.changeSettings(Map.of("repeatAnswer", "PendingAction"));
        String first = Api.machineAction(machine, action, "{\"Comment\":\"first\",\"ScanType\":\"Quick\"}")
                .then().statusCode(201).extract().path("id");

        Api.machineAction(machine, action, body(action))
                .then().statusCode(200)
                .body("id", equalTo(first))
                .body("requestorComment", equalTo("first"))
                .body("status", equalTo("Pending"));

        List<String> listed = Api.authorized().queryParam("$filter", "machineId eq '" + machine + "'")
                .get("/api/machineactions").jsonPath().getList("value.id");
        assertThat(listed).containsExactly(first);
    }

    @Test
    void aRepeatAfterTheFirstEndedStartsANewAction() {
        Api.actionBehaviour(machine, "Succeeded", "0s");
        String first = Api.machineAction(machine, "runAntiVirusScan", body("runAntiVirusScan"))
                .then().statusCode(201).extract().path("id");

        String second = Api.machineAction(machine, "runAntiVirusScan", body("runAntiVirusScan"))
                .then().statusCode(201).extract().path("id");

        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void restrictWhileARemovalIsPendingIsNoRepeat() {
        Api.machineAction(machine, "unrestrictCodeExecution", "{\"Comment\":\"c\"}").then().statusCode(201);

        Api.machineAction(machine, "restrictCodeExecution", "{\"Comment\":\"c\"}").then().statusCode(201);
    }

    @Test
    void aCollectionWhileOneRunsIs400WhateverTheRepeatSetting() {
        Api.changeSettings(Map.of("repeatAnswer", "PendingAction"));
        Api.machineAction(machine, "collectInvestigationPackage", "{\"Comment\":\"c\"}").then().statusCode(201);

        Api.machineAction(machine, "collectInvestigationPackage", "{\"Comment\":\"c\"}")
                .then().statusCode(400).body("error.code", equalTo("ActiveRequestAlreadyExists"));
    }

    @Test
    void byDefaultARepeatedQuarantineOfTheSameFileStartsAnotherAction() {
        String first = quarantine(SHA1).then().statusCode(201).extract().path("id");

        String second = quarantine(SHA1).then().statusCode(201).extract().path("id");

        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void withQuarantineRepeatAlreadyInProgressTheSameFileIs400ButAnotherFileIsNot() {
        Api.changeSettings(Map.of("quarantineRepeat", "AlreadyInProgress"));
        quarantine(SHA1).then().statusCode(201);

        quarantine(SHA1.toUpperCase()).then().statusCode(400)
                .body("error.code", equalTo("ActiveRequestAlreadyExists"))
                .body("error.message", equalTo("Action is already in progress"));
        quarantine("220e7d15b011d7fac48f2bd61114db1022197f7f").then().statusCode(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"runAntiVirusScan", "collectInvestigationPackage", "StopAndQuarantineFile", "isolate"})
    void withInitialStatusInProgressANewActionAnswersInProgressAndStillEnds(String action) {
        Api.changeSettings(Map.of("actionInitialStatus", "InProgress"));
        Api.actionBehaviour(machine, "Succeeded", "500ms");

        String id = Api.machineAction(machine, action, "{\"Comment\":\"c\",\"ScanType\":\"Full\",\"Sha1\":\""
                + SHA1 + "\",\"IsolationType\":\"Full\"}")
                .then().statusCode(201).body("status", equalTo("InProgress")).extract().path("id");

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() ->
                "Succeeded".equals(Api.authorized().get("/api/machineactions/{id}", id).path("status")));
    }

    @Test
    void theVariantsAreShownInTheSettingsAndAResetRestoresTheDefaults() {
        Api.changeSettings(Map.of("repeatAnswer", "pendingaction", "quarantineRepeat", "AlreadyInProgress",
                "actionInitialStatus", "InProgress"));
        io.restassured.RestAssured.given().get("/admin/settings").then()
                .body("repeatAnswer", equalTo("PendingAction"))
                .body("quarantineRepeat", equalTo("AlreadyInProgress"))
                .body("actionInitialStatus", equalTo("InProgress"));

        Api.reset();

        io.restassured.RestAssured.given().get("/admin/settings").then()
                .body("repeatAnswer", equalTo("AlreadyInProgress"))
                .body("quarantineRepeat", equalTo("NewAction"))
                .body("actionInitialStatus", equalTo("Pending"));
    }

    private io.restassured.response.Response quarantine(String sha1) {
        return Api.machineAction(machine, "StopAndQuarantineFile", "{\"Comment\":\"c\",\"Sha1\":\"" + sha1 + "\"}");
    }
}
