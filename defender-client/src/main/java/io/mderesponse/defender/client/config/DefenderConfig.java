package io.mderesponse.defender.client.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

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

    /** Microsoft Graph, where hunting queries run: same tenant, client id and secret, a token of its own audience. */
    Graph graph();

    /**
     * A token is replaced once less than this is left of its lifetime, so no call leaves with a token that
     * expires on the way. Azure AD tokens live about an hour.
     */
    @WithDefault("60s")
    Duration tokenRefreshSkew();

    /** Retries of failed calls. */
    Retry retry();

    /** This process's share of Defender's rate limits. */
    Budget budget();

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

        /**
         * How long to wait for an advanced query's answer, through Defender's API or Graph; Defender lets one run up
         * to 200 s, Graph times out after 3 minutes.
         */
        @WithDefault("210s")
        Duration queryTimeout();
    }

    /** Microsoft Graph's endpoint and the scope of its tokens (the OIDC client {@code graph}). */
    interface Graph {

        /** Base URL of Graph's v1.0 API, without {@code /security}; e.g. a national cloud's Graph endpoint. */
        @WithDefault("https://graph.microsoft.com/v1.0")
        String baseUrl();

        /** Scope requested with Graph tokens (an audience other than Defender's API). */
        @WithDefault("https://graph.microsoft.com/.default")
        String scope();
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

    /**
     * This process's share of Defender's rate limits, per API family. Unset shares take the service's default
     * share ({@code io.mderesponse.defender.client.budget.BudgetShares}): the defaults of all services add up to
     * Defender's limits when one replica of each runs.
     */
    interface Budget {

        /** The length of a rate-limit "minute"; an "hour" is 60 of them. Shortened by tests only. */
        @WithDefault("1m")
        Duration window();

        /**
         * The longest a call waits for a token; when none would come in time it fails at once with
         * {@code DefenderBudgetExhaustedException}, and nothing is sent.
         */
        @WithDefault("60s")
        Duration maxWait();

        /** Replicas of this service: the default shares are divided by it. Explicit per-family values are not. */
        @WithDefault("1")
        int replicas();

        /**
         * The share of every limit that low-priority calls (enrichment of Low and Informational alerts) leave to
         * the others; 0 to 0.9.
         */
        @WithDefault("0.2")
        double lowPriorityReserve();

        /**
         * The share of every limit that normal calls (and low ones) leave to high-priority calls, so that in a
         * storm High alerts find budget after Medium ones spent theirs; 0 to 0.9. Only enrichment-service makes
         * high-priority calls (for High alerts) and sets 0.3; elsewhere it stays 0, since a reserve nobody
         * claims would only shrink the budget.
         */
        @WithDefault("0")
        double highPriorityReserve();

        /** Whose default shares apply; unset, the service's {@code quarkus.application.name}. */
        Optional<String> service();

        /** List, get and update alerts. */
        Family alerts();

        /** List and get machines. */
        Family machines();

        /** List and get machine actions. */
        Family machineactions();

        /** Isolate, unisolate and cancel. */
        Family isolate();

        /** Run an antivirus scan ({@code runAntiVirusScan}). */
        Family antivirusscan();

        /** Collect an investigation package ({@code collectInvestigationPackage}). */
        Family investigationpackage();

        /** Restrict app execution and remove the restriction ({@code [un]restrictCodeExecution}). */
        Family restrictexecution();

        /** Stop and quarantine a file ({@code StopAndQuarantineFile}). */
        Family quarantine();

        /** Advanced hunting queries through Defender's API ({@code hunting.api=defender}). */
        Family advancedqueries();

        /** Hunting queries through Microsoft Graph ({@code hunting.api=graph}). */
        Family graphhunting();

        /** One family's share; unset values take the service's default share. */
        interface Family {

            /** Calls per "minute" ({@code defender.budget.window}) for this process. */
            OptionalInt perMinute();

            /** Calls per "hour" (60 windows) for this process. */
            OptionalInt perHour();
        }
    }
}
