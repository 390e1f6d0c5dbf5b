package io.mderesponse.defender.client;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The groups of Defender calls that share one rate limit, with the limit Defender documents for a tenant:
 * 100 calls a minute and 1,500 an hour each, advanced hunting 45 a minute and 1,500 an hour. Hunting through
 * Microsoft Graph is limited on its own: Graph documents "at least 45 calls per minute per tenant" (more for larger
 * tenants) and no hourly count, so its hour keeps the old API's 1,500, the safe side.
 *
 * <p>The response actions beyond isolation (antivirus scan, investigation package, app restriction, quarantine)
 * each have a family of their own, not a share of {@link #ISOLATE}'s: Defender documents 100 a minute and 1,500
 * an hour for each of these APIs, and a burst of scans for Medium alerts must never use up the budget a High
 * alert's isolation needs. Restricting and removing the restriction share one family, as isolate and unisolate do
 * (an action and its undo; the safe side, since each of the two is documented with its own limit).
 */
public enum ApiFamily {
    /** List, get and update alerts. */
    ALERTS("alerts", 100, 1500),
    /** List and get machines, machine tags. */
    MACHINES("machines", 100, 1500),
    /** List and get machine actions. */
    MACHINEACTIONS("machineactions", 100, 1500),
    /** Isolate, unisolate and cancel a machine action. */
    ISOLATE("isolate", 100, 1500),
    /** {@code runAntiVirusScan}. */
    ANTIVIRUSSCAN("antivirusscan", 100, 1500),
    /** {@code collectInvestigationPackage}. */
    INVESTIGATIONPACKAGE("investigationpackage", 100, 1500),
    /** {@code restrictCodeExecution} and {@code unrestrictCodeExecution}. */
    RESTRICTEXECUTION("restrictexecution", 100, 1500),
    /** {@code StopAndQuarantineFile}. */
    QUARANTINE("quarantine", 100, 1500),
    /** Advanced hunting queries of Defender's (retiring) API (besides a CPU quota, which only Defender measures). */
    ADVANCEDQUERIES("advancedqueries", 45, 1500),
    /** Hunting queries through Microsoft Graph's {@code runHuntingQuery} (besides its CPU quota). */
    GRAPHHUNTING("graphhunting", 45, 1500);

    private final String configName;
    private final int perMinute;
    private final int perHour;

    ApiFamily(String configName, int perMinute, int perHour) {
        this.configName = configName;
        this.perMinute = perMinute;
        this.perHour = perHour;
    }

    /** The name in {@code defender.budget.<family>.*}, metrics and the simulator's call log, e.g. {@code alerts}. */
    public String configName() {
        return configName;
    }

    /** Defender's limit per minute for the whole tenant. */
    public int tenantPerMinute() {
        return perMinute;
    }

    /** Defender's limit per hour for the whole tenant. */
    public int tenantPerHour() {
        return perHour;
    }

    /**
     * The family of an HTTP request to Defender's API or Graph's hunting endpoint, by its method and path (with or
     * without a base path before {@code /api}); empty for a request outside every family.
     */
    public static Optional<ApiFamily> ofRequest(String method, String path) {
        if (path == null) {
            return Optional.empty();
        }
        if (path.endsWith("/security/runHuntingQuery")) {
            return Optional.of(GRAPHHUNTING);
        }
        int api = path.indexOf("/api/");
        if (api < 0) {
            return Optional.empty();
        }
        String[] segments = path.substring(api + "/api/".length()).split("/");
        String last = segments[segments.length - 1];
        return switch (segments[0]) {
            case "alerts" -> Optional.of(ALERTS);
            case "advancedqueries" -> Optional.of(ADVANCEDQUERIES);
            case "machineactions" -> Optional.of(last.equals("cancel") && "POST".equalsIgnoreCase(method) ? ISOLATE
                    : MACHINEACTIONS);
            case "machines" -> Optional.of(segments.length == 3 ? ofMachineAction(last) : MACHINES);
            default -> Optional.empty();
        };
    }

    /** The family of {@code POST /api/machines/{id}/<action>}; ASP.NET matches path segments ignoring case. */
    private static ApiFamily ofMachineAction(String action) {
        return switch (action.toLowerCase(Locale.ROOT)) {
            case "isolate", "unisolate" -> ISOLATE;
            case "runantivirusscan" -> ANTIVIRUSSCAN;
            case "collectinvestigationpackage" -> INVESTIGATIONPACKAGE;
            case "restrictcodeexecution", "unrestrictcodeexecution" -> RESTRICTEXECUTION;
            case "stopandquarantinefile" -> QUARANTINE;
            default -> MACHINES;
        };
    }

    /** The family of this configuration name, ignoring case. */
    public static Optional<ApiFamily> byConfigName(String name) {
        return Arrays.stream(values()).filter(f -> f.configName.equalsIgnoreCase(name)).findFirst();
    }
}
