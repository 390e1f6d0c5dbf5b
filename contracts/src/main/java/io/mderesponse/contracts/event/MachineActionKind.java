package io.mderesponse.contracts.event;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Optional;

/**
 * The machine actions a rule can name, by their rule-file and wire name, with Defender's machine action
 * {@code type} and the application permission each needs.
 *
 * <p>{@link #ISOLATE} and {@link #UNISOLATE} travel as v1 {@link MachineActionRequested} and
 * {@link MachineActionCompleted} events, as they always did; every other kind travels as
 * {@link ResponseActionRequested} and {@link ResponseActionCompleted} on topics of its own, so a consumer of the
 * v1 action topics never meets a value it does not know. A kind added later reads as {@link #UNKNOWN} in a
 * consumer built before it (the wire value is kept nowhere else, so such a consumer can only skip it).
 */
public enum MachineActionKind {
    @JsonProperty("isolate")
    ISOLATE("isolate", "Isolate", "Machine.Isolate"),
    @JsonProperty("unisolate")
    UNISOLATE("unisolate", "Unisolate", "Machine.Isolate"),
    @JsonProperty("antivirusScan")
    ANTIVIRUS_SCAN("antivirusScan", "RunAntiVirusScan", "Machine.Scan"),
    @JsonProperty("collectInvestigationPackage")
    COLLECT_INVESTIGATION_PACKAGE("collectInvestigationPackage", "CollectInvestigationPackage",
            "Machine.CollectForensics"),
    @JsonProperty("restrictAppExecution")
    RESTRICT_APP_EXECUTION("restrictAppExecution", "RestrictCodeExecution", "Machine.RestrictExecution"),
    @JsonProperty("removeAppRestriction")
    REMOVE_APP_RESTRICTION("removeAppRestriction", "UnrestrictCodeExecution", "Machine.RestrictExecution"),
    @JsonProperty("stopAndQuarantineFile")
    STOP_AND_QUARANTINE_FILE("stopAndQuarantineFile", "StopAndQuarantineFile", "Machine.StopAndQuarantine"),
    /** A kind this version of the contracts does not know (written by a newer producer). */
    @JsonEnumDefaultValue
    @JsonProperty("unknown")
    UNKNOWN("unknown", null, null);

    private final String wireName;
    private final String defenderType;
    private final String permission;

    MachineActionKind(String wireName, String defenderType, String permission) {
        this.wireName = wireName;
        this.defenderType = defenderType;
        this.permission = permission;
    }

    /** The name in rule files and JSON, e.g. {@code antivirusScan}. */
    public String wireName() {
        return wireName;
    }

    /** Defender's machine action {@code type}, e.g. {@code RunAntiVirusScan}; null for {@link #UNKNOWN}. */
    public String defenderType() {
        return defenderType;
    }

    /** The Defender application permission the call needs, e.g. {@code Machine.Scan}; null for {@link #UNKNOWN}. */
    public String permission() {
        return permission;
    }

    /** Isolation and its release: the kinds of the v1 {@code MachineActionRequested} events. */
    public boolean isIsolation() {
        return this == ISOLATE || this == UNISOLATE;
    }

    /** The v1 {@link MachineActionType} of an isolation kind; empty for the others. */
    public Optional<MachineActionType> v1Type() {
        return switch (this) {
            case ISOLATE -> Optional.of(MachineActionType.Isolate);
            case UNISOLATE -> Optional.of(MachineActionType.Unisolate);
            default -> Optional.empty();
        };
    }

    /** The kind of a v1 action type. */
    public static MachineActionKind of(MachineActionType type) {
        return type == MachineActionType.Isolate ? ISOLATE : UNISOLATE;
    }

    /** The kind a rule file or JSON names, e.g. {@code fromWireName("antivirusScan")}; never {@link #UNKNOWN}. */
    public static Optional<MachineActionKind> fromWireName(String name) {
        return Arrays.stream(values()).filter(kind -> kind != UNKNOWN && kind.wireName.equals(name)).findFirst();
    }
}
