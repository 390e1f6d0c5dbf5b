package io.mderesponse.defender.client;

import io.mderesponse.contracts.event.MachineActionKind;

/**
 * The calls this client makes, each with the application permission its API requires for it (and which API grants
 * it: WindowsDefenderATP or Microsoft Graph), whether repeating it is harmless, and the {@link ApiFamily} whose rate
 * limit (and budget) it counts against.
 */
public enum DefenderOperation {
    LIST_ALERTS("list alerts", "Alert.Read.All", true, ApiFamily.ALERTS),
    GET_ALERT("get alert", "Alert.Read.All", true, ApiFamily.ALERTS),
    GET_MACHINE("get machine", "Machine.Read.All", true, ApiFamily.MACHINES),
    // Not idempotent: a retry after a timeout or 5xx could start a second action, see DefenderCalls.
    ISOLATE("isolate machine", "Machine.Isolate", false, ApiFamily.ISOLATE),
    UNISOLATE("unisolate machine", "Machine.Isolate", false, ApiFamily.ISOLATE),
    RUN_ANTIVIRUS_SCAN("run antivirus scan", MachineActionKind.ANTIVIRUS_SCAN, ApiFamily.ANTIVIRUSSCAN),
    COLLECT_INVESTIGATION_PACKAGE("collect investigation package", MachineActionKind.COLLECT_INVESTIGATION_PACKAGE,
            ApiFamily.INVESTIGATIONPACKAGE),
    RESTRICT_CODE_EXECUTION("restrict app execution", MachineActionKind.RESTRICT_APP_EXECUTION,
            ApiFamily.RESTRICTEXECUTION),
    UNRESTRICT_CODE_EXECUTION("remove app execution restriction", MachineActionKind.REMOVE_APP_RESTRICTION,
            ApiFamily.RESTRICTEXECUTION),
    // Defender also accepts Machine.ReadWrite.All; the narrow permission is the one to grant.
    STOP_AND_QUARANTINE_FILE("stop and quarantine file", MachineActionKind.STOP_AND_QUARANTINE_FILE,
            ApiFamily.QUARANTINE),
    LIST_MACHINE_ACTIONS("list machine actions", "Machine.Read.All", true, ApiFamily.MACHINEACTIONS),
    GET_MACHINE_ACTION("get machine action", "Machine.Read.All", true, ApiFamily.MACHINEACTIONS),
    // A POST, but it only reads.
    RUN_ADVANCED_QUERY("run advanced query", "AdvancedQuery.Read.All", true, ApiFamily.ADVANCEDQUERIES),
    // Microsoft Graph's hunting: a POST that only reads, with a token for Graph's audience.
    RUN_HUNTING_QUERY("run hunting query", "ThreatHunting.Read.All", true,
            ApiFamily.GRAPHHUNTING);

    /** The API (app registration's "API permissions" entry) that grants Graph's permissions. */
    static final String GRAPH_API = "Microsoft Graph";
    /** The API that grants Defender's permissions. */
    static final String DEFENDER_API = "WindowsDefenderATP";

    private final String description;
    private final String requiredPermission;
    private final boolean idempotent;
    private final ApiFamily family;

    /** A machine action other than isolation: never idempotent, it needs its kind's permission. */
    DefenderOperation(String description, MachineActionKind kind, ApiFamily family) {
        this(description, kind.permission(), false, family);
    }

    DefenderOperation(String description, String requiredPermission, boolean idempotent, ApiFamily family) {
        this.description = description;
        this.requiredPermission = requiredPermission;
        this.idempotent = idempotent;
        this.family = family;
    }

    /** The rate-limit family the call counts against. */
    public ApiFamily family() {
        return family;
    }

    /** E.g. "get machine", for messages. */
    public String description() {
        return description;
    }

    /** The application permission (app role) the call needs, e.g. {@code Machine.Isolate}. */
    public String requiredPermission() {
        return requiredPermission;
    }

    /** The API the call goes to, for messages: {@code Defender} or {@code Microsoft Graph}. */
    public String apiName() {
        return family == ApiFamily.GRAPHHUNTING ? GRAPH_API : "Defender";
    }

    /** The API that grants {@link #requiredPermission()}: {@code WindowsDefenderATP} or {@code Microsoft Graph}. */
    public String permissionApi() {
        return family == ApiFamily.GRAPHHUNTING ? GRAPH_API : DEFENDER_API;
    }

    /** The call that starts a machine action of this kind; {@code UNKNOWN} has none. */
    public static DefenderOperation starting(MachineActionKind kind) {
        return switch (kind) {
            case ISOLATE -> ISOLATE;
            case UNISOLATE -> UNISOLATE;
            case ANTIVIRUS_SCAN -> RUN_ANTIVIRUS_SCAN;
            case COLLECT_INVESTIGATION_PACKAGE -> COLLECT_INVESTIGATION_PACKAGE;
            case RESTRICT_APP_EXECUTION -> RESTRICT_CODE_EXECUTION;
            case REMOVE_APP_RESTRICTION -> UNRESTRICT_CODE_EXECUTION;
            case STOP_AND_QUARANTINE_FILE -> STOP_AND_QUARANTINE_FILE;
            case UNKNOWN -> throw new IllegalArgumentException("No Defender call starts an action of kind unknown");
        };
    }

    /** Whether sending the call twice has the effect of sending it once. */
    public boolean idempotent() {
        return idempotent;
    }
}
