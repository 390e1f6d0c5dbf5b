package io.mderesponse.defender.client;

/**
 * The calls this client makes, each with the application permission Defender requires for it and whether
 * repeating it is harmless.
 */
public enum DefenderOperation {
    LIST_ALERTS("list alerts", "Alert.Read.All", true),
    GET_ALERT("get alert", "Alert.Read.All", true),
    GET_MACHINE("get machine", "Machine.Read.All", true),
    // Not idempotent: a retry after a timeout or 5xx could start a second action, see DefenderCalls.
    ISOLATE("isolate machine", "Machine.Isolate", false),
    UNISOLATE("unisolate machine", "Machine.Isolate", false),
    LIST_MACHINE_ACTIONS("list machine actions", "Machine.Read.All", true),
    GET_MACHINE_ACTION("get machine action", "Machine.Read.All", true),
    // A POST, but it only reads.
    RUN_ADVANCED_QUERY("run advanced query", "AdvancedQuery.Read.All", true);

    private final String description;
    private final String requiredPermission;
    private final boolean idempotent;

    DefenderOperation(String description, String requiredPermission, boolean idempotent) {
        this.description = description;
        this.requiredPermission = requiredPermission;
        this.idempotent = idempotent;
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
