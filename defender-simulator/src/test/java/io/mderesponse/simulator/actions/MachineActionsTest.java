package io.mderesponse.simulator.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.mderesponse.simulator.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /api/machineactions}: list, get and cancel, from reference section 4. */
@QuarkusTest
class MachineActionsTest {

    @BeforeEach
    void reset() {
        Api.reset();
    }

    @Test
    void listFiltersByMachineIdAndType() {
        String first = Api.addMachine("first");
        String second = Api.addMachine("second");
        Api.actionBehaviour(first, "Succeeded", "0s");
        String isolation = Api.isolate(first);
        Api.isolate(second);
        Api.authorized().contentType(ContentType.JSON).body(Map.of("Comment", "release"))
                .post("/api/machines/{id}/unisolate", first).then().statusCode(201);

        List<String> ids = Api.authorized()
                .queryParam("$filter", "machineId eq '" + first + "' and type eq 'Isolate'")
                .get("/api/machineactions")
                .then().statusCode(200)
                .body("'@odata.context'",
                        equalTo("https://api.securitycenter.microsoft.com/api/$metadata#MachineActions"))
                .extract().jsonPath().getList("value.id");
        assertThat(ids).containsExactly(isolation);
    }

    @Test
    void listFiltersByStatusAsItIsNow() {
        String done = Api.addMachine("done");
        String waiting = Api.addMachine("waiting");
        Api.actionBehaviour(done, "Succeeded", "0s");
        Api.actionBehaviour(waiting, "Succeeded", "1m");
        Api.isolate(done);
        String pending = Api.isolate(waiting);

        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> Api.authorized()
                .queryParam("$filter", "status eq 'Pending'").get("/api/machineactions")
                .jsonPath().getList("value.id").equals(List.of(pending)));
    }

    @Test
    void nonGuidActionIdIsBadRequest() {
        Api.authorized().get("/api/machineactions/{id}", "not-a-guid")
                .then().statusCode(400)
                .body("error.code", equalTo("BadRequest"))
                .body("error.message", equalTo("The key value (not-a-guid) from request is not valid. "
                        + "The key value should be format of type 'Edm.Guid'."));
    }

    @Test
    void unknownActionIdIsNotFound() {
        Api.authorized().get("/api/machineactions/{id}", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void cancellingAPendingActionMakesItCancelled() {
        String machine = Api.addMachine("cancel-me");
        Api.actionBehaviour(machine, "Succeeded", "1m");
        String action = Api.isolate(machine);

        Api.authorized().contentType(ContentType.JSON).body(Map.of("Comment", "changed my mind"))
                .post("/api/machineactions/{id}/cancel", action)
                .then().statusCode(200)
                .body("status", equalTo("Cancelled"))
                .body("cancellationComment", equalTo("changed my mind"))
                .body("cancellationRequestor", equalTo("local-dev-client"));
    }

    @Test
    void cancellingAFinishedActionIsBadRequest() {
        String machine = Api.addMachine("finished");
        Api.actionBehaviour(machine, "Succeeded", "0s");
        String action = Api.isolate(machine);

        Api.authorized().contentType(ContentType.JSON).body(Map.of("Comment", "too late"))
                .post("/api/machineactions/{id}/cancel", action)
                .then().statusCode(400);
    }

    @Test
    void topAboveTenThousandIsBadRequest() {
        Api.authorized().queryParam("$top", 10001).get("/api/machineactions").then().statusCode(400);
    }
}
