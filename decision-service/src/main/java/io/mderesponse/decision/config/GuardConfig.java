package io.mderesponse.decision.config;

import io.mderesponse.contracts.event.MachineActionKind;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The guards between a rule's machine actions and their requests: exclusions (every kind), and per kind a machine
 * window and an hourly cap. Isolation keeps its settings of old ({@code guard.machine-window},
 * {@code guard.max-isolations-per-hour}); every other kind has a group {@code guard.<kind>.*}.
 */
@ConfigMapping(prefix = "guard")
public interface GuardConfig {

    /** No second isolation of a machine while one is pending or within this long of the last one. */
    @WithDefault("1h")
    Duration machineWindow();

    /** At most this many isolations (approved ones included) in any rolling {@code guard.cap-window}. */
    @WithDefault("20")
    int maxIsolationsPerHour();

    /** The length of the caps' rolling window ("hour"), every kind's, so tests can use seconds. */
    @WithDefault("1h")
    Duration capWindow();

    /** Unisolation named by a rule (an operator's release is not guarded). */
    KindGuard unisolate();

    /** {@code antivirusScan}. */
    KindGuard antivirusScan();

    /** {@code collectInvestigationPackage}. */
    KindGuard collectInvestigationPackage();

    /** {@code restrictAppExecution}. */
    KindGuard restrictAppExecution();

    /** {@code removeAppRestriction}. */
    KindGuard removeAppRestriction();

    /** {@code stopAndQuarantineFile}: the window is per machine and file, the cap counts files. */
    KindGuard stopAndQuarantineFile();

    /**
     * Appended to the names of the guard state topics ({@code defender.internal.decision.*}), so two
     * deployments (or tests) on one cluster keep separate windows, budgets and approvals. Empty by default.
     */
    Optional<String> stateTopicSuffix();

    /** Machines never acted on: the decision is {@code EXCLUDED}. */
    Exclude exclude();

    /** The window and cap of one kind of machine action other than isolation. */
    interface KindGuard {

        /**
         * No second action of this kind on a machine while one is pending or within this long of the last one
         * (for {@code stopAndQuarantineFile}: of the same file on the machine).
         */
        @WithDefault("1h")
        Duration machineWindow();

        /**
         * At most this many actions of this kind (approved ones included; for {@code stopAndQuarantineFile}:
         * files) in any rolling {@code guard.cap-window}, all replicas together.
         */
        @WithDefault("20")
        int maxPerHour();
    }

    /** Exclusion lists, comma-separated, empty by default. */
    interface Exclude {

        /** Machine tags (exact, case-insensitive). */
        Optional<List<String>> machineTags();

        /** RBAC group names of the machine (exact, case-insensitive). */
        Optional<List<String>> rbacGroups();

        /** Machine ids. */
        Optional<List<String>> machineIds();
    }

    /** The machine window of {@code kind}. */
    default Duration machineWindow(MachineActionKind kind) {
        return kind == MachineActionKind.ISOLATE ? machineWindow() : guardOf(kind).machineWindow();
    }

    /** The cap of {@code kind} per {@code guard.cap-window}. */
    default int maxPerHour(MachineActionKind kind) {
        return kind == MachineActionKind.ISOLATE ? maxIsolationsPerHour() : guardOf(kind).maxPerHour();
    }

    /** The full name of {@code kind}'s setting {@code name} ({@code machine-window}, {@code max-per-hour}). */
    static String settingOf(MachineActionKind kind, String name) {
        if (kind == MachineActionKind.ISOLATE) {
            return name.equals("machine-window") ? "guard.machine-window" : "guard.max-isolations-per-hour";
        }
        return "guard." + kind.wireName().replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT) + "."
                + name;
    }

    /** The settings group of a kind other than isolation. */
    default KindGuard guardOf(MachineActionKind kind) {
        return switch (kind) {
            case UNISOLATE -> unisolate();
            case ANTIVIRUS_SCAN -> antivirusScan();
            case COLLECT_INVESTIGATION_PACKAGE -> collectInvestigationPackage();
            case RESTRICT_APP_EXECUTION -> restrictAppExecution();
            case REMOVE_APP_RESTRICTION -> removeAppRestriction();
            case STOP_AND_QUARANTINE_FILE -> stopAndQuarantineFile();
            default -> throw new IllegalArgumentException("No guard settings for " + kind.wireName());
        };
    }
}
