package io.mderesponse.decision.state;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.mderesponse.contracts.event.MachineActionKind;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * The last machine action of one kind requested for a machine (the machine window), in
 * {@code defender.internal.decision.guards} under {@link #key()}: the machine id for isolation (as before other
 * kinds existed, so isolation's records keep working), {@code <machine id>|<kind>} for the other kinds and
 * {@code <machine id>|stopAndQuarantineFile|<sha1>} for a file's quarantine.
 *
 * @param isolatedAt when the action was requested (the name is isolation's, kept for the records already written)
 * @param status PENDING until its result arrives; ENDED when it ended so that the window applies; CLEARED when
 *     nothing holds the machine any more (released, undone, or the action failed)
 * @param kind null in records written before other kinds existed: isolation
 * @param sha1 the file of a {@code stopAndQuarantineFile}, lowercase; else null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MachineGuard(String machineId, UUID requestId, UUID decisionId, Instant isolatedAt, Status status,
        MachineActionKind kind, String sha1) {

    public enum Status { PENDING, ENDED, CLEARED }

    /** An isolation's window, as records were before other kinds. */
    public MachineGuard(String machineId, UUID requestId, UUID decisionId, Instant isolatedAt, Status status) {
        this(machineId, requestId, decisionId, isolatedAt, status, null, null);
    }

    /** The kind, also for records written before the field: isolation. */
    @JsonIgnore
    public MachineActionKind actionKind() {
        return kind == null ? MachineActionKind.ISOLATE : kind;
    }

    /** The key of this window in the guards topic. */
    @JsonIgnore
    public String key() {
        return keyOf(machineId, actionKind(), sha1);
    }

    /** The key of a machine's window of {@code kind} (and file, for a quarantine). */
    public static String keyOf(String machineId, MachineActionKind kind, String sha1) {
        if (kind == MachineActionKind.ISOLATE) {
            return machineId;
        }
        return machineId + "|" + kind.wireName() + (sha1 == null ? "" : "|" + sha1.toLowerCase(Locale.ROOT));
    }

    public MachineGuard withStatus(Status newStatus) {
        return new MachineGuard(machineId, requestId, decisionId, isolatedAt, newStatus, kind, sha1);
    }
}
