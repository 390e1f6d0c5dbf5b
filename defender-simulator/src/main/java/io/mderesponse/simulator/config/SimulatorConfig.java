package io.mderesponse.simulator.config;

import io.mderesponse.simulator.actions.ActionOutcome;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Start-up configuration of the simulator; every entry is also an environment variable ({@code SIMULATOR_...}). */
@ConfigMapping(prefix = "simulator")
public interface SimulatorConfig {

    /** Client id the token endpoint accepts. */
    @WithDefault("local-dev-client")
    String clientId();

    /** Client secret the token endpoint accepts. */
    @WithDefault("local-dev-secret")
    String clientSecret();

    /** Lifetime of issued access tokens (Entra ID issues about one hour). */
    @WithDefault("3599s")
    Duration tokenLifetime();

    /**
     * Application permissions granted to the client; a token's {@code roles} claim holds those of its audience
     * ({@code ThreatHunting.Read.All} for Microsoft Graph, the others for Defender). Calls needing another one get 403.
     */
    @WithDefault("Alert.Read.All,Alert.ReadWrite.All,Machine.Read.All,Machine.ReadWrite.All,Machine.Isolate,"
            + "AdvancedQuery.Read.All,ThreatHunting.Read.All")
    List<String> roles();

    /** Per-family call limits. */
    RateLimit rateLimit();

    /** How isolate and unisolate actions progress. */
    Action action();

    /** Seeds a few machines (and a hunting table) at start and after a reset, for the local run. */
    @WithDefault("false")
    boolean sampleData();

    /** How many received calls the call log keeps; the oldest are dropped first. */
    @WithDefault("10000")
    int callLogSize();

    /** Call limits per API family, counted over a sliding "minute" and a sliding "hour" of 60 such windows. */
    interface RateLimit {

        /** Length of a "minute"; tests compress it. An "hour" is 60 windows. */
        @WithDefault("1m")
        Duration window();

        /** List and get alerts. */
        StandardLimit alerts();

        /** List and get machines. */
        StandardLimit machines();

        /** List and get machine actions. */
        StandardLimit machineactions();

        /** Isolate, unisolate and cancel. */
        StandardLimit isolate();

        /** Advanced hunting queries of Defender's API ({@code /api/advancedqueries/run}). */
        HuntingLimit advancedqueries();

        /** Hunting queries through Microsoft Graph ({@code /v1.0/security/runHuntingQuery}), limited on their own. */
        HuntingLimit graphhunting();
    }

    /** The documented limit of most families: 100 calls a minute, 1,500 an hour. */
    interface StandardLimit {

        /** Calls allowed in one window. */
        @WithDefault("100")
        int perWindow();

        /** Calls allowed in 60 windows. */
        @WithDefault("1500")
        int perHour();
    }

    /** The documented advanced hunting limit: 45 calls a minute, 1,500 an hour. */
    interface HuntingLimit {

        /** Calls allowed in one window. */
        @WithDefault("45")
        int perWindow();

        /** Calls allowed in 60 windows. */
        @WithDefault("1500")
        int perHour();
    }

    /** Progress of machine actions from Pending to their final status. */
    interface Action {

        /** Time from Pending to the final status; the action is InProgress for its second half. */
        @WithDefault("3s")
        Duration delay();

        /** Final status reached: Succeeded, Failed or TimeOut. */
        @WithDefault("Succeeded")
        ActionOutcome outcome();
    }
}
