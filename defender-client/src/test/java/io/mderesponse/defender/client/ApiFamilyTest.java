package io.mderesponse.defender.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApiFamilyTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
            "GET, /api/alerts, ALERTS",
            "GET, /api/alerts/da123, ALERTS",
            "GET, /tenant-proxy/api/alerts, ALERTS",
            "GET, /api/machines/abc, MACHINES",
            "POST, /api/machines/abc/isolate, ISOLATE",
            "POST, /api/machines/abc/unisolate, ISOLATE",
            "POST, /api/machines/abc/runAntiVirusScan, ANTIVIRUSSCAN",
            "POST, /api/machines/abc/collectInvestigationPackage, INVESTIGATIONPACKAGE",
            "POST, /api/machines/abc/restrictCodeExecution, RESTRICTEXECUTION",
            "POST, /api/machines/abc/unrestrictCodeExecution, RESTRICTEXECUTION",
            "POST, /api/machines/abc/StopAndQuarantineFile, QUARANTINE",
            "POST, /api/machines/abc/stopAndQuarantineFile, QUARANTINE",
            "GET, /api/machineactions, MACHINEACTIONS",
            "GET, /api/machineactions/a-1, MACHINEACTIONS",
            "POST, /api/machineactions/a-1/cancel, ISOLATE",
            "POST, /api/advancedqueries/run, ADVANCEDQUERIES",
            "POST, /v1.0/security/runHuntingQuery, GRAPHHUNTING"})
    void aRequestBelongsToTheFamilyWhoseLimitItCountsAgainst(String method, String path, ApiFamily family) {
        assertThat(ApiFamily.ofRequest(method, path)).contains(family);
    }

    @ParameterizedTest
    @CsvSource({"GET, /oauth2/v2.0/token", "GET, /api/unknown", "GET, /"})
    void aRequestOutsideEveryFamilyHasNone(String method, String path) {
        assertThat(ApiFamily.ofRequest(method, path)).isEmpty();
    }
}
