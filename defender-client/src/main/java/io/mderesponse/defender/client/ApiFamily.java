package io.mderesponse.defender.client;

import java.util.Arrays;
import java.util.Optional;

/**
 * The groups of Defender calls that share one rate limit, with the limit Defender documents for a tenant:
 * 100 calls a minute and 1,500 an hour each, advanced hunting 45 a minute and 1,500 an hour. Hunting through
 * Microsoft Graph is limited on its own: Graph documents "at least 45 calls per minute per tenant" (more for larger
 * tenants) and no hourly count, so its hour keeps the old API's 1,500, the safe side.
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
            case "machines" -> Optional.of(segments.length == 3 && (last.equals("isolate")
                    || last.equals("unisolate")) ? ISOLATE : MACHINES);
            default -> Optional.empty();
        };
    }

    /** The family of this configuration name, ignoring case. */
    public static Optional<ApiFamily> byConfigName(String name) {
        return Arrays.stream(values()).filter(f -> f.configName.equalsIgnoreCase(name)).findFirst();
    }
}
