package io.mderesponse.simulator.token;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The two APIs a token can be for: Defender's API and Microsoft Graph. Entra ID issues a token for one resource
 * (its {@code aud}); each API refuses a token issued for the other with 401.
 */
public enum Audience {
    /** The Defender for Endpoint API; Microsoft documents or uses these application ID URIs in samples. */
    DEFENDER("https://api.securitycenter.microsoft.com", List.of(
            "https://api.securitycenter.microsoft.com",
            "https://securitycenter.onmicrosoft.com/windowsatpservice",
            "https://api.security.microsoft.com"), Set.of()),
    /** Microsoft Graph (its application ID URI); of its permissions the simulator knows only hunting's. */
    GRAPH("https://graph.microsoft.com", List.of("https://graph.microsoft.com"), Set.of("ThreatHunting.Read.All"));

    private final String aud;
    private final List<String> resources;
    private final Set<String> ownPermissions;

    Audience(String aud, List<String> resources, Set<String> ownPermissions) {
        this.aud = aud;
        this.resources = resources;
        this.ownPermissions = ownPermissions;
    }

    /** The token's {@code aud} claim. */
    public String aud() {
        return aud;
    }

    /** The audience whose resource (v1 {@code resource}) is this, ignoring case and trailing slashes. */
    public static Optional<Audience> ofResource(String resource) {
        String trimmed = resource.trim().replaceAll("/+$", "");
        return Arrays.stream(values()).filter(a -> a.resources.stream().anyMatch(trimmed::equalsIgnoreCase))
                .findFirst();
    }

    /** The audience of a v2 {@code scope}: a resource with {@code /.default} appended. */
    public static Optional<Audience> ofScope(String scope) {
        String trimmed = scope.trim();
        return Arrays.stream(values()).filter(a -> a.resources.stream()
                .anyMatch(r -> (r + "/.default").equalsIgnoreCase(trimmed))).findFirst();
    }

    /** The audience named by an {@code aud} claim. */
    public static Optional<Audience> ofAud(String aud) {
        return aud == null ? Optional.empty()
                : Arrays.stream(values()).filter(a -> a.aud.equalsIgnoreCase(aud)).findFirst();
    }

    /** Whether a granted application permission belongs to this API (and so goes into its tokens' roles). */
    public boolean owns(String permission) {
        return this == GRAPH ? GRAPH.ownPermissions.contains(permission)
                : !GRAPH.ownPermissions.contains(permission);
    }
}
