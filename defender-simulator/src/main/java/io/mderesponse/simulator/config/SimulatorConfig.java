package io.mderesponse.simulator.config;

import io.mderesponse.simulator.actions.ActionOutcome;
import io.mderesponse.simulator.actions.InitialStatus;
import io.mderesponse.simulator.actions.QuarantineRepeat;
import io.mderesponse.simulator.actions.RepeatAnswer;
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
            + "Machine.Scan,Machine.CollectForensics,Machine.RestrictExecution,Machine.StopAndQuarantine,"
            + "AdvancedQuery.Read.All,ThreatHunting.Read.All")
    List<String> roles();

    /** Per-family call limits. */
    RateLimit rateLimit();

    /** How machine actions progress, and how repeated ones answer. */
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

        /** Run antivirus scan. */
        StandardLimit antivirusscan();

        /** Collect investigation package. */
        StandardLimit investigationpackage();

        /** Restrict app execution and remove the restriction. */
        StandardLimit restrictexecution();

        /** Stop and quarantine file. */
        StandardLimit quarantine();

        /** Get the investigation package's download URI (documented: 2 calls a minute, 120 an hour). */
        PackageUriLimit packageuri();

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

    /** The documented limit of the investigation package's download URI: 2 calls a minute, 120 an hour. */
    interface PackageUriLimit {

        /** Calls allowed in one window. */
        @WithDefault("2")
        int perWindow();

        /** Calls allowed in 60 windows. */
        @WithDefault("120")
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

        /** The status a new action answers with: Pending (then InProgress for the delay's second half) or InProgress. */
        @WithDefault("Pending")
        InitialStatus initialStatus();

        /**
         * A repeated scan, restrict or unrestrict while one of the same type is active on the machine:
         * AlreadyInProgress (400) or PendingAction (200 with the pending action).
         */
        @WithDefault("AlreadyInProgress")
        RepeatAnswer repeatAnswer();

        /** A repeated quarantine of the same file while the first is active: NewAction (201) or AlreadyInProgress. */
        @WithDefault("NewAction")
        QuarantineRepeat quarantineRepeat();
    }
}
