package io.mderesponse.testsupport.defender;

import java.util.Map;

/**
 * How a client reaches the simulator's token endpoint: its default client credentials and an Entra-ID-shaped
 * token URL. Plain constants, usable without Quarkus' test framework (e.g. by system tests).
 */
public final class SimulatorCredentials {

    /** The tenant in the token URL; the simulator accepts any. */
    public static final String TENANT_ID = "00000000-0000-4000-8000-000000000001";
    /** The simulator's default client credentials. */
    public static final String CLIENT_ID = "local-dev-client";
    public static final String CLIENT_SECRET = "local-dev-secret";

    private SimulatorCredentials() {
    }

    /**
     * The environment a packaged service needs to call the simulator at {@code baseUrl} with these credentials:
     * the documented {@code DEFENDER_*} settings, as operators set them for a real tenant.
     */
    public static Map<String, String> serviceEnvironment(String baseUrl) {
        return Map.of(
                "DEFENDER_API_BASE_URL", baseUrl,
                "DEFENDER_GRAPH_BASE_URL", graphBaseUrl(baseUrl),
                "DEFENDER_TENANT_ID", TENANT_ID,
                "DEFENDER_TOKEN_URL", tokenUrl(baseUrl, TENANT_ID),
                "DEFENDER_CLIENT_ID", CLIENT_ID,
                "DEFENDER_CLIENT_SECRET", CLIENT_SECRET);
    }

    /** The simulator's Microsoft Graph endpoint ({@code defender.graph.base-url}): its {@code /v1.0}. */
    public static String graphBaseUrl(String baseUrl) {
        return baseUrl + "/v1.0";
    }

    public static String tokenUrl(String baseUrl, String tenantId) {
        return baseUrl + "/" + tenantId + "/oauth2/v2.0/token";
    }
}
