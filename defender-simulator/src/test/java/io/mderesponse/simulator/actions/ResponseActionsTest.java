package io.mderesponse.simulator.actions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.mderesponse.simulator.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The machine actions of reference section 9 (1–4) as the reference states them: paths, case-sensitive bodies,
 * 201 with a MachineAction (section 9.8 fields), documented errors (section 6). The test profile's action delay is
 * 1 s; tests that need an action to stay open set a longer one for their machine.
 */
@QuarkusTest
class ResponseActionsTest {

    private static final String CONTENT_TYPE =
            "application/json; odata.metadata=minimal; odata.streaming=true; charset=utf-8";
    // The reference's own example hash (9.4).
    private static final String SHA1 = "87662bc3d60e4200ceaf7aae249d1c343f4b83c9";

    private String machine;

    @BeforeEach
    void reset() {
        Api.reset();
        machine = Api.addMachine("response-target");
    }

    // 9.1: POST /api/machines/{id}/runAntiVirusScan {"Comment","ScanType"} -> 201, type RunAntiVirusScan, scope.
    @Test
    void section91AScanAnswers201WithARunAntiVirusScanActionScopedByItsScanType() {
        Api.machineAction(machine, "runAntiVirusScan",
                "{\"Comment\":\"Check machine for viruses due to alert 3212\",\"ScanType\":\"Full\"}")
                .then().statusCode(201)
                .contentType(CONTENT_TYPE)
                .header("OData-Version", "4.0")
                .body("'@odata.context'",
                        equalTo("https://api.securitycenter.microsoft.com/api/$metadata#MachineActions/$entity"))
                .body("id", matchesPattern(Api.GUID))
                .body("type", equalTo("RunAntiVirusScan"))
                .body("scope", equalTo("Full"))
                .body("status", equalTo("Pending"))
                .body("requestor", equalTo("local-dev-client"))
                .body("requestorComment", equalTo("Check machine for viruses due to alert 3212"))
                .body("machineId", equalTo(machine))
                .body("computerDnsName", equalTo("response-target.contoso.test"))
                .body("creationDateTimeUtc", notNullValue())
                .body("lastUpdateDateTimeUtc", notNullValue())
                .body("relatedFileInfo", nullValue());
    }

    @Test
    void section91AQuickScanHasScopeQuick() {
        Api.machineAction(machine, "runAntiVirusScan", "{\"Comment\":\"c\",\"ScanType\":\"Quick\"}")
                .then().statusCode(201).body("scope", equalTo("Quick"));
    }

    // 9.1: ScanType is required; 6: a missing or wrongly cased parameter is MissingRequiredParameter.
    @ParameterizedTest
    @ValueSource(strings = {"{\"Comment\":\"c\"}", "{\"Comment\":\"c\",\"scanType\":\"Quick\"}",
            "{\"comment\":\"c\",\"ScanType\":\"Quick\"}", "{\"ScanType\":\"Quick\"}"})
    void section91And6AScanWithoutBothExactlyNamedParametersIsMissingRequiredParameter(String body) {
        Api.machineAction(machine, "runAntiVirusScan", body)
                .then().statusCode(400)
                .contentType("application/json; charset=utf-8")
                .body("error.code", equalTo("MissingRequiredParameter"))
                .body("error.target", notNullValue());
    }

    // 9.1: ScanType is Quick or Full.
    @Test
    void section91AScanTypeOtherThanQuickOrFullIsRefused() {
        Api.machineAction(machine, "runAntiVirusScan", "{\"Comment\":\"c\",\"ScanType\":\"Deep\"}")
                .then().statusCode(400).body("error.code", equalTo("InvalidInput"));
    }

    // 6: InvalidRequestBody for a body that cannot be bound.
    @ParameterizedTest
    @ValueSource(strings = {"{\"Comment\":", "[]", "{\"Comment\":42,\"ScanType\":\"Quick\"}"})
    void section6AnUnbindableScanBodyIsInvalidRequestBody(String body) {
        Api.machineAction(machine, "runAntiVirusScan", body)
                .then().statusCode(400).body("error.code", equalTo("InvalidRequestBody"));
    }

    // 9 shared: 404 for an unknown machine (error body as in section 6).
    @ParameterizedTest
    @ValueSource(strings = {"runAntiVirusScan", "collectInvestigationPackage", "restrictCodeExecution",
            "unrestrictCodeExecution", "StopAndQuarantineFile"})
    void section9EveryActionOnAnUnknownMachineIsResourceNotFound(String action) {
        Api.machineAction(Api.machineId("nobody"), action,
                "{\"Comment\":\"c\",\"ScanType\":\"Quick\",\"Sha1\":\"" + SHA1 + "\"}")
                .then().statusCode(404).body("error.code", equalTo("ResourceNotFound"));
    }

    // 6: a wrong method is 405 with Allow: POST.
    @Test
    void section6GetOnAnActionIsMethodNotAllowedWithAllowPost() {
        Api.authorized().get("/api/machines/{id}/runAntiVirusScan", machine)
                .then().statusCode(405).header("Allow", "POST");
    }

    // 9.2: POST .../collectInvestigationPackage {"Comment"} -> 201, type CollectInvestigationPackage, scope null.
    @Test
    void section92ACollectionAnswers201WithACollectInvestigationPackageAction() {
        Api.machineAction(machine, "collectInvestigationPackage", "{\"Comment\":\"Collect forensics due to alert 1234\"}")
                .then().statusCode(201)
                .body("type", equalTo("CollectInvestigationPackage"))
                .body("scope", nullValue())
                .body("status", equalTo("Pending"))
                .body("requestorComment", equalTo("Collect forensics due to alert 1234"))
                .body("relatedFileInfo", nullValue());
    }

    // 9.2: "400 if a collection is already running".
    @Test
    void section92ASecondCollectionWhileOneRunsIs400() {
        Api.actionBehaviour(machine, "Succeeded", "1m");
        Api.machineAction(machine, "collectInvestigationPackage", "{\"Comment\":\"first\"}").then().statusCode(201);

        Api.machineAction(machine, "collectInvestigationPackage", "{\"Comment\":\"second\"}")
                .then().statusCode(400)
                .body("error.code", equalTo("ActiveRequestAlreadyExists"))
                .body("error.message", equalTo("Action is already in progress"));
    }

    @Test
    void section92ACollectionBodyNeedsComment() {
        Api.machineAction(machine, "collectInvestigationPackage", "{\"comment\":\"lowercase\"}")
                .then().statusCode(400).body("error.code", equalTo("MissingRequiredParameter"));
    }

    // 9.2: getPackageUri is 404 until the collection is complete, then the URI inside escaped quotes.
    @Test
    void section92ThePackageUriIs404UntilTheCollectionSucceedsThenAQuotedUrl() {
        morePackageUriCalls();
        Api.actionBehaviour(machine, "Succeeded", "1s");
        String action = Api.machineAction(machine, "collectInvestigationPackage", "{\"Comment\":\"c\"}")
                .then().statusCode(201).extract().path("id");

        Api.authorized().get("/api/machineactions/{id}/getPackageUri", action)
                .then().statusCode(404).body("error.code", equalTo("ResourceNotFound"));
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() ->
                "Succeeded".equals(Api.authorized().get("/api/machineactions/{id}", action).path("status")));

        String value = Api.authorized().get("/api/machineactions/{id}/getPackageUri", action)
                .then().statusCode(200)
                .body("'@odata.context'",
                        equalTo("https://api.securitycenter.microsoft.com/api/$metadata#Edm.String"))
                .extract().path("value");
        assertThat(value).startsWith("\"http").endsWith("\"").contains("WDATP_Investigation_Package.zip");
        // The example of the reference spells it GetPackageUri.
        Api.authorized().get("/api/machineactions/{id}/GetPackageUri", action).then().statusCode(200);
    }

    @Test
    void section92AnActionThatCollectsNoPackageHasNoPackageUri() {
        morePackageUriCalls();
        Api.actionBehaviour(machine, "Succeeded", "0s");
        String scan = Api.machineAction(machine, "runAntiVirusScan", "{\"Comment\":\"c\",\"ScanType\":\"Quick\"}")
                .then().statusCode(201).extract().path("id");

        Api.authorized().get("/api/machineactions/{id}/getPackageUri", scan).then().statusCode(404);
        Api.authorized().get("/api/machineactions/{id}/getPackageUri", UUID.randomUUID()).then().statusCode(404);
        Api.authorized().get("/api/machineactions/{id}/getPackageUri", "not-a-guid").then().statusCode(400);
    }

    // 9.2: 2 calls a minute.
    @Test
    void section92AThirdPackageUriCallWithinAMinuteIsThrottled() {
        String action = started("collectInvestigationPackage", "{\"Comment\":\"c\"}");
        for (int i = 0; i < 2; i++) {
            Api.authorized().get("/api/machineactions/{id}/getPackageUri", action).then().statusCode(404);
        }

        Api.authorized().get("/api/machineactions/{id}/getPackageUri", action)
                .then().statusCode(429).header("Retry-After", notNullValue());
    }

    // The documented 2 a minute would throttle a test's third call (see the test above).
    private static void morePackageUriCalls() {
        Api.changeSettings(Map.of("rateLimits", Map.of("packageuri", Map.of("perWindow", 100))));
    }

    // 9.3: restrictCodeExecution / unrestrictCodeExecution {"Comment"} -> 201 with their types.
    @Test
    void section93RestrictAndRemoveTheRestrictionAnswer201WithTheirTypes() {
        Api.machineAction(machine, "restrictCodeExecution", "{\"Comment\":\"Restrict code execution due to alert 1234\"}")
                .then().statusCode(201)
                .body("type", equalTo("RestrictCodeExecution"))
                .body("scope", nullValue())
                .body("requestorComment", equalTo("Restrict code execution due to alert 1234"));
        Api.machineAction(machine, "unrestrictCodeExecution", "{\"Comment\":\"lift it\"}")
                .then().statusCode(201)
                .body("type", equalTo("UnrestrictCodeExecution"))
                .body("scope", nullValue());
    }

    @Test
    void section93ARestrictBodyNeedsComment() {
        Api.machineAction(machine, "restrictCodeExecution", "{}")
                .then().statusCode(400).body("error.code", equalTo("MissingRequiredParameter"));
    }

    // 9.4: POST .../StopAndQuarantineFile {"Comment","Sha1"} -> 201, relatedFileInfo with the hash.
    @Test
    void section94AQuarantineAnswers201WithTheFileAsRelatedFileInfo() {
        Api.machineAction(machine, "StopAndQuarantineFile", "{\"Comment\":\"Stop and quarantine file on machine due "
                + "to alert 441688558380765161_2136280442\",\"Sha1\":\"" + SHA1 + "\"}")
                .then().statusCode(201)
                .body("type", equalTo("StopAndQuarantineFile"))
                .body("scope", nullValue())
                .body("status", equalTo("Pending"))
                .body("relatedFileInfo.fileIdentifier", equalTo(SHA1))
                .body("relatedFileInfo.fileIdentifierType", equalTo("Sha1"));
    }

    // 9.4: both parameters required, names case-sensitive (6).
    @ParameterizedTest
    @ValueSource(strings = {"{\"Comment\":\"c\"}", "{\"Comment\":\"c\",\"sha1\":\"" + SHA1 + "\"}",
            "{\"Sha1\":\"" + SHA1 + "\"}", "{\"Comment\":\"c\",\"SHA1\":\"" + SHA1 + "\"}"})
    void section94AQuarantineWithoutBothExactlyNamedParametersIsMissingRequiredParameter(String body) {
        Api.machineAction(machine, "StopAndQuarantineFile", body)
                .then().statusCode(400).body("error.code", equalTo("MissingRequiredParameter"));
    }

    // 6: InvalidHashValue.
    @ParameterizedTest
    @ValueSource(strings = {"87662bc3d60e4200ceaf7aae249d1c343f4b83c", "87662bc3d60e4200ceaf7aae249d1c343f4b83c9a",
            "87662bc3d60e4200ceaf7aae249d1c343f4b83cz", "malware.exe", ""})
    void section6AQuarantineOfAValueThatIsNoSha1IsInvalidHashValue(String hash) {
        Api.machineAction(machine, "StopAndQuarantineFile", "{\"Comment\":\"c\",\"Sha1\":\"" + hash + "\"}")
                .then().statusCode(400).body("error.code", equalTo("InvalidHashValue"));
    }

    // 9.4: the path is spelled with a capital S; the simulator takes only the documented spelling.
    @Test
    void section94OnlyTheDocumentedSpellingOfThePathExists() {
        Api.machineAction(machine, "stopAndQuarantineFile", "{\"Comment\":\"c\",\"Sha1\":\"" + SHA1 + "\"}")
                .then().statusCode(404);
    }

    // 9.8 statuses, advancing like isolation's (4): the per-machine behaviour makes actions fail or time out.
    @ParameterizedTest
    @ValueSource(strings = {"Succeeded", "Failed", "TimeOut"})
    void section98EveryActionReachesTheFinalStatusItsMachineIsSetTo(String outcome) {
        Api.actionBehaviour(machine, outcome, "200ms");
        List<String> ids = List.of(
                started("runAntiVirusScan", "{\"Comment\":\"c\",\"ScanType\":\"Quick\"}"),
                started("collectInvestigationPackage", "{\"Comment\":\"c\"}"),
                started("restrictCodeExecution", "{\"Comment\":\"c\"}"),
                started("unrestrictCodeExecution", "{\"Comment\":\"c\"}"),
                started("StopAndQuarantineFile", "{\"Comment\":\"c\",\"Sha1\":\"" + SHA1 + "\"}"));

        for (String id : ids) {
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() ->
                    outcome.equals(Api.authorized().get("/api/machineactions/{id}", id).path("status")));
        }
    }

    // 4 / 9.8: GET /api/machineactions with $filter on type and machineId.
    @Test
    void section4TheListFiltersTheNewActionsByTypeAndMachine() {
        String other = Api.addMachine("other-target");
        String scan = started("runAntiVirusScan", "{\"Comment\":\"c\",\"ScanType\":\"Quick\"}");
        started("restrictCodeExecution", "{\"Comment\":\"c\"}");
        Api.machineAction(other, "runAntiVirusScan", "{\"Comment\":\"c\",\"ScanType\":\"Full\"}")
                .then().statusCode(201);

        List<String> ids = Api.authorized()
                .queryParam("$filter", "machineId eq '" + machine + "' and type eq 'RunAntiVirusScan'")
                .get("/api/machineactions")
                .then().statusCode(200).extract().jsonPath().getList("value.id");

        assertThat(ids).containsExactly(scan);
        Api.authorized().queryParam("$filter", "type eq 'StopAndQuarantineFile'").get("/api/machineactions")
                .then().statusCode(200).body("value", org.hamcrest.Matchers.empty());
    }

    // Not the real API: the admin isolation view counts only isolate and unisolate.
    @Test
    void aSucceededScanDoesNotReleaseAnIsolatedMachine() {
        Api.actionBehaviour(machine, "Succeeded", "0s");
        Api.isolate(machine);
        started("runAntiVirusScan", "{\"Comment\":\"c\",\"ScanType\":\"Quick\"}");

        await().atMost(Duration.ofSeconds(5)).until(() ->
                given().get("/admin/machines/{id}/isolation", machine).<Boolean>path("isolated"));
        given().get("/admin/machines/{id}/isolation", machine)
                .then().body("decidedByActionId", not(nullValue())).body("isolationType", startsWith("Full"));
    }

    private String started(String action, String body) {
        Response response = Api.machineAction(machine, action, body);
        return response.then().statusCode(201).extract().path("id");
    }
}
