package io.mderesponse.simulator.machines;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.mderesponse.simulator.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /api/machines} and {@code GET /api/machines/{id}}, from reference section 3. */
@QuarkusTest
class MachineTest {

    @BeforeEach
    void reset() {
        Api.reset();
    }

    @Test
    void getMachineByIdHasEntityContextAndDocumentedFields() {
        String id = Api.addMachine("pc-by-id");

        Api.authorized().get("/api/machines/{id}", id)
                .then().statusCode(200)
                .body("'@odata.context'",
                        equalTo("https://api.securitycenter.microsoft.com/api/$metadata#Machines/$entity"))
                .body("id", equalTo(id))
                .body("computerDnsName", equalTo("pc-by-id.contoso.test"))
                .body("healthStatus", equalTo("Active"))
                .body("machineTags", equalTo(List.of()));
    }

    @Test
    void getMachineByComputerNameFindsTheSameMachine() {
        String id = Api.addMachine("pc-by-name");

        Api.authorized().get("/api/machines/{name}", "pc-by-name.contoso.test").then().statusCode(200)
                .body("id", equalTo(id));
        Api.authorized().get("/api/machines/{name}", "PC-BY-NAME").then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void unknownMachineIsResourceNotFoundNamingIt() {
        Api.addMachine("someone");

        Api.authorized().get("/api/machines/{id}", "123123123")
                .then().statusCode(404)
                .body("error.code", equalTo("ResourceNotFound"))
                .body("error.message", equalTo("Machine 123123123 was not found"));
    }

    @Test
    void listFiltersByComputerDnsNameAndHealthStatus() {
        String wanted = Api.addMachine("wanted");
        Api.addMachine("other");

        Api.authorized().queryParam("$filter", "computerDnsName eq 'wanted.contoso.test' and healthStatus eq 'Active'")
                .get("/api/machines")
                .then().statusCode(200)
                .body("value.id", equalTo(List.of(wanted)));
    }

    @Test
    void listWithoutAnyMachineIsNotFoundAsDocumented() {
        Api.authorized().get("/api/machines").then().statusCode(404);
    }

    @Test
    void adminRejectsMachineIdThatIsNotFortyLowercaseHex() {
        given().contentType("application/json").body("{\"id\":\"ABC\"}").post("/admin/machines")
                .then().statusCode(400).body("error.code", equalTo("InvalidInput"));
    }
}
