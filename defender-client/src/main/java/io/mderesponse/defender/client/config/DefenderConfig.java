package io.mderesponse.defender.client.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Everything an operator sets to reach the Defender API: where it is, who we are, and how patiently we retry.
 *
 * <p>The OIDC client ({@code quarkus.oidc-client.defender.*}) is wired to these names in this library's
 * {@code META-INF/microprofile-config.properties}, so operators never set a {@code quarkus.*} name for Defender.
 */
@ConfigMapping(prefix = "defender")
public interface DefenderConfig {

    /** The API endpoint. */
    Api api();

    /** Directory (Entra ID) tenant of the app registration; part of the default token URL. Required. */
    String tenantId();

    /** Application (client) id of the app registration. Required. */
    String clientId();

    /** Client secret of the app registration, sent in the token request's form body. Required. */
    String clientSecret();

    /** OAuth2 token endpoint (client credentials grant, v2). */
    @WithDefault("https://login.microsoftonline.com/${defender.tenant-id}/oauth2/v2.0/token")
    String tokenUrl();

    /** Scope requested with the token. */
    @WithDefault("https://api.securitycenter.microsoft.com/.default")
    String scope();

    /**
     * A token is replaced once less than this is left of its lifetime, so no call leaves with a token that
     * expires on the way. Azure AD tokens live about an hour.
     */
    @WithDefault("60s")
    Duration tokenRefreshSkew();

    /** Retries of failed calls. */
    Retry retry();

    /** The API endpoint and its timeouts. */
    interface Api {

        /** Base URL, without {@code /api}; e.g. a regional {@code https://eu.api.security.microsoft.com}. */
        @WithDefault("https://api.securitycenter.microsoft.com")
        String baseUrl();

        /** How long to wait for a TCP connection. */
        @WithDefault("10s")
        Duration connectTimeout();

        /** How long to wait for an answer to any call but an advanced query. */
        @WithDefault("30s")
        Duration readTimeout();

        /** How long to wait for an advanced query's answer; Defender lets one run up to 200 s. */
        @WithDefault("210s")
        Duration queryTimeout();
    }

    /** Retries: 429 after its Retry-After; 5xx, timeouts and connection errors with jittered exponential backoff. */
    interface Retry {

        /** The first backoff wait; each further wait doubles, plus or minus jitter. */
        @WithDefault("500ms")
        Duration initial();

        /** The longest single backoff wait. */
        @WithDefault("5s")
        Duration max();

        /** Calls in total, the first included; 1 turns retries off. */
        @WithDefault("5")
        int attempts();

        /**
         * The longest Retry-After the client waits for itself; a longer one fails the call at once with
         * {@code DefenderThrottledException}, so the caller can reschedule instead of holding a thread.
         */
        @WithDefault("60s")
        Duration maxRetryAfter();
    }
}
