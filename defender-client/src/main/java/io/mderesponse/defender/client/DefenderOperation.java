package io.mderesponse.defender.client;

/**
 * The calls this client makes, each with the application permission Defender requires for it, whether
 * repeating it is harmless, and the {@link ApiFamily} whose rate limit (and budget) it counts against.
 */
public enum DefenderOperation {
    LIST_ALERTS("list alerts", "Alert.Read.All", true, ApiFamily.ALERTS),
    GET_ALERT("get alert", "Alert.Read.All", true, ApiFamily.ALERTS),
    GET_MACHINE("get machine", "Machine.Read.All", true, ApiFamily.MACHINES),
    // Not idempotent: a retry after a timeout or 5xx could start a second action, see DefenderCalls.
    ISOLATE("isolate machine", "Machine.Isolate", false, ApiFamily.ISOLATE),
    UNISOLATE("unisolate machine", "Machine.Isolate", false, ApiFamily.ISOLATE),
    LIST_MACHINE_ACTIONS("list machine actions", "Machine.Read.All", true, ApiFamily.MACHINEACTIONS),
    GET_MACHINE_ACTION("get machine action", "Machine.Read.All", true, ApiFamily.MACHINEACTIONS),
    // A POST, but it only reads.
    RUN_ADVANCED_QUERY("run advanced query", "AdvancedQuery.Read.All", true, ApiFamily.ADVANCEDQUERIES);

    private final String description;
    private final String requiredPermission;
    private final boolean idempotent;
    private final ApiFamily family;

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

    /** The WindowsDefenderATP application permission (app role) the call needs, e.g. {@code Machine.Isolate}. */
    public String requiredPermission() {
        return requiredPermission;
    }

    /** Whether sending the call twice has the effect of sending it once. */
    public boolean idempotent() {
        return idempotent;
    }
}
