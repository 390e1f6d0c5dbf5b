package io.mderesponse.simulator.ratelimit;

import java.util.Arrays;
import java.util.Optional;

/** The groups of API calls that share a rate limit, plus the token endpoint (logged and faultable, never limited). */
public enum ApiFamily {
    ALERTS("alerts"),
    MACHINES("machines"),
    MACHINEACTIONS("machineactions"),
    /** Isolate, unisolate and cancel. */
    ISOLATE("isolate"),
    /** {@code runAntiVirusScan}. */
    ANTIVIRUSSCAN("antivirusscan"),
    /** {@code collectInvestigationPackage}. */
    INVESTIGATIONPACKAGE("investigationpackage"),
    /** {@code restrictCodeExecution} and {@code unrestrictCodeExecution}. */
    RESTRICTEXECUTION("restrictexecution"),
    /** {@code StopAndQuarantineFile}. */
    QUARANTINE("quarantine"),
    /** {@code GET /api/machineactions/{id}/getPackageUri} (2 a minute, 120 an hour). */
    PACKAGEURI("packageuri"),
    /** Defender's advanced hunting API, {@code POST /api/advancedqueries/run} (retiring). */
    ADVANCEDQUERIES("advancedqueries"),
    /** Microsoft Graph's hunting, {@code POST /v1.0/security/runHuntingQuery}. */
    GRAPHHUNTING("graphhunting"),
    TOKEN("token");

    private final String wireName;

    ApiFamily(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in configuration, the admin API and the call log. */
    public String wireName() {
        return wireName;
    }

    public boolean isRateLimited() {
        return this != TOKEN;
    }

    /** The family of this name, ignoring case. */
    public static Optional<ApiFamily> byName(String name) {
        return Arrays.stream(values()).filter(f -> f.wireName.equalsIgnoreCase(name)).findFirst();
    }
}
