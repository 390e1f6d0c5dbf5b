package io.mderesponse.testsupport.defender;

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

    /** The simulator's token endpoint for a tenant, shaped like Entra ID's v2 endpoint. */
    public static String tokenUrl(String baseUrl, String tenantId) {
        return baseUrl + "/" + tenantId + "/oauth2/v2.0/token";
    }
}
