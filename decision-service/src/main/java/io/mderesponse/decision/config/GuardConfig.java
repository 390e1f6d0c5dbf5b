package io.mderesponse.decision.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The guards between a rule that isolates and the isolation request: exclusions, machine window, hourly cap. */
@ConfigMapping(prefix = "guard")
public interface GuardConfig {

    /** No second isolation of a machine while one is pending or within this long of the last one. */
    @WithDefault("1h")
    Duration machineWindow();

    /** At most this many isolations (approved ones included) in any rolling {@code guard.cap-window}. */
    @WithDefault("20")
    int maxIsolationsPerHour();

    /** The length of the cap's rolling window ("hour"), so tests can use seconds. */
    @WithDefault("1h")
    Duration capWindow();

    /**
     * Appended to the names of the guard state topics ({@code defender.internal.decision.*}), so two
     * deployments (or tests) on one cluster keep separate windows, budgets and approvals. Empty by default.
     */
    Optional<String> stateTopicSuffix();

    /** Machines never isolated: the decision is {@code EXCLUDED}. */
    Exclude exclude();

    /** Exclusion lists, comma-separated, empty by default. */
    interface Exclude {

        /** Machine tags (exact, case-insensitive). */
        Optional<List<String>> machineTags();

        /** RBAC group names of the machine (exact, case-insensitive). */
        Optional<List<String>> rbacGroups();

        /** Machine ids. */
        Optional<List<String>> machineIds();
    }
}
