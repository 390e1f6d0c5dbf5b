package io.mderesponse.simulator.gate;

import io.mderesponse.simulator.ratelimit.ApiFamily;
import io.mderesponse.simulator.token.Audience;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The documented API operations: path, method, rate-limit family, the API whose tokens it takes and the permissions
 * any one of which allows it.
 */
public final class ApiRoutes {

    private static final List<String> ALERT_READ = List.of("Alert.Read.All", "Alert.ReadWrite.All");
    private static final List<String> MACHINE_READ = List.of("Machine.Read.All", "Machine.ReadWrite.All");
    private static final List<String> ISOLATE = List.of("Machine.Isolate");
    private static final List<String> SCAN = List.of("Machine.Scan");
    private static final List<String> COLLECT_FORENSICS = List.of("Machine.CollectForensics");
    private static final List<String> RESTRICT_EXECUTION = List.of("Machine.RestrictExecution");
    // Reference 9.4: the narrow permission or Machine.ReadWrite.All.
    private static final List<String> STOP_AND_QUARANTINE = List.of("Machine.StopAndQuarantine",
            "Machine.ReadWrite.All");
    private static final List<String> CANCEL = List.of("Machine.CollectForensics", "Machine.Isolate",
            "Machine.RestrictExecution", "Machine.Scan", "Machine.Offboard", "Machine.StopAndQuarantine",
            "Machine.LiveResponse");
    private static final List<String> HUNTING = List.of("AdvancedQuery.Read.All");
    private static final List<String> GRAPH_HUNTING = List.of("ThreatHunting.Read.All");

    /** One operation; {@code anyOfRoles} is null where no bearer token applies (the token endpoint). */
    public record Route(String method, Pattern path, ApiFamily family, Audience audience, List<String> anyOfRoles) {
    }

    private static final List<Route> ROUTES = List.of(
            route("GET", "/api/alerts/?", ApiFamily.ALERTS, ALERT_READ),
            route("GET", "/api/alerts/[^/]+", ApiFamily.ALERTS, ALERT_READ),
            route("GET", "/api/machines/?", ApiFamily.MACHINES, MACHINE_READ),
            route("GET", "/api/machines/[^/]+", ApiFamily.MACHINES, MACHINE_READ),
            route("POST", "/api/machines/[^/]+/isolate", ApiFamily.ISOLATE, ISOLATE),
            route("POST", "/api/machines/[^/]+/unisolate", ApiFamily.ISOLATE, ISOLATE),
            route("POST", "/api/machines/[^/]+/runAntiVirusScan", ApiFamily.ANTIVIRUSSCAN, SCAN),
            route("POST", "/api/machines/[^/]+/collectInvestigationPackage", ApiFamily.INVESTIGATIONPACKAGE,
                    COLLECT_FORENSICS),
            route("POST", "/api/machines/[^/]+/restrictCodeExecution", ApiFamily.RESTRICTEXECUTION,
                    RESTRICT_EXECUTION),
            route("POST", "/api/machines/[^/]+/unrestrictCodeExecution", ApiFamily.RESTRICTEXECUTION,
                    RESTRICT_EXECUTION),
            route("POST", "/api/machines/[^/]+/StopAndQuarantineFile", ApiFamily.QUARANTINE, STOP_AND_QUARANTINE),
            route("GET", "/api/machineactions/?", ApiFamily.MACHINEACTIONS, MACHINE_READ),
            route("GET", "/api/machineactions/[^/]+", ApiFamily.MACHINEACTIONS, MACHINE_READ),
            route("POST", "/api/machineactions/[^/]+/cancel", ApiFamily.ISOLATE, CANCEL),
            // The reference's example spells it GetPackageUri.
            route("GET", "/api/machineactions/[^/]+/[gG]etPackageUri", ApiFamily.PACKAGEURI, MACHINE_READ),
            route("POST", "/api/advancedqueries/run", ApiFamily.ADVANCEDQUERIES, HUNTING),
            new Route("POST", Pattern.compile("/v1\\.0/security/runHuntingQuery"), ApiFamily.GRAPHHUNTING,
                    Audience.GRAPH, GRAPH_HUNTING),
            route("POST", "/[^/]+/oauth2/v2\\.0/token", ApiFamily.TOKEN, null),
            route("POST", "/[^/]+/oauth2/token", ApiFamily.TOKEN, null));

    /** Paths the gate looks at at all: Defender's API, Graph's and the token endpoints. */
    public static final String GATED_PATHS = "^(/api/.*|/v1\\.0/.*|/[^/]+/oauth2/(v2\\.0/)?token)$";

    private ApiRoutes() {
    }

    /** What a request is: a known operation, a known path with the wrong method, or unknown. */
    public sealed interface Match {
    }

    /** A documented operation. */
    public record Known(Route route) implements Match {
    }

    /** A documented path called with a method it does not take. */
    public record WrongMethod(Set<String> allowed) implements Match {
    }

    /** Not a documented operation; Quarkus answers 404. */
    public record Unknown() implements Match {
    }

    public static Match match(String method, String path) {
        Set<String> allowed = new TreeSet<>();
        for (Route route : ROUTES) {
            if (route.path().matcher(path).matches()) {
                if (route.method().equals(method)) {
                    return new Known(route);
                }
                allowed.add(route.method());
            }
        }
        return allowed.isEmpty() ? new Unknown() : new WrongMethod(allowed);
    }

    private static Route route(String method, String regex, ApiFamily family, List<String> roles) {
        return new Route(method, Pattern.compile(regex), family, Audience.DEFENDER, roles);
    }
}
