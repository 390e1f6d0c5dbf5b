package io.mderesponse.decision.service.rules;

import io.mderesponse.contracts.defender.IsolationType;
import io.mderesponse.contracts.defender.ScanType;
import io.mderesponse.contracts.event.MachineActionKind;
import java.util.Objects;

/**
 * One machine action a rule names, with its parameters as checked when the rules file was read.
 *
 * @param isolationType for {@code isolate}: Full or Selective (the rule's {@code isolation} or the action's
 *     {@code isolationType}), else null
 * @param scanType for {@code antivirusScan}, else null
 * @param maxFiles for {@code stopAndQuarantineFile}: at most this many files (distinct SHA-1s of the evidence) per
 *     alert, 1 to {@link #MAX_FILES_LIMIT}; 0 for the other kinds
 */
public record MachineActionSpec(MachineActionKind kind, IsolationType isolationType, ScanType scanType,
        int maxFiles) {

    /** Files quarantined per alert when the rule does not say ({@code maxFiles}). */
    public static final int MAX_FILES_DEFAULT = 5;
    /** The most files one rule may quarantine per alert. */
    public static final int MAX_FILES_LIMIT = 20;

    public MachineActionSpec {
        Objects.requireNonNull(kind, "kind");
        if (kind == MachineActionKind.UNKNOWN) {
            throw new IllegalArgumentException("A rule cannot name an unknown action kind");
        }
        if (kind == MachineActionKind.ISOLATE && isolationType == null) {
            throw new IllegalArgumentException("isolate needs an isolation type");
        }
        if (kind == MachineActionKind.ANTIVIRUS_SCAN && scanType == null) {
            throw new IllegalArgumentException("antivirusScan needs a scan type");
        }
        if (kind == MachineActionKind.STOP_AND_QUARANTINE_FILE && (maxFiles < 1 || maxFiles > MAX_FILES_LIMIT)) {
            throw new IllegalArgumentException("maxFiles must be 1 to " + MAX_FILES_LIMIT);
        }
    }

    public static MachineActionSpec isolate(IsolationType isolationType) {
        return new MachineActionSpec(MachineActionKind.ISOLATE, isolationType, null, 0);
    }

    /** A kind without parameters (unisolate, collectInvestigationPackage, restrictAppExecution, ...). */
    public static MachineActionSpec of(MachineActionKind kind) {
        return new MachineActionSpec(kind, null, null,
                kind == MachineActionKind.STOP_AND_QUARANTINE_FILE ? MAX_FILES_DEFAULT : 0);
    }

    public static MachineActionSpec antivirusScan(ScanType scanType) {
        return new MachineActionSpec(MachineActionKind.ANTIVIRUS_SCAN, null, scanType, 0);
    }

    public static MachineActionSpec stopAndQuarantineFile(int maxFiles) {
        return new MachineActionSpec(MachineActionKind.STOP_AND_QUARANTINE_FILE, null, null, maxFiles);
    }
}
