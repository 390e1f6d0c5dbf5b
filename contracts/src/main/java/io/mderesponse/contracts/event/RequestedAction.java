package io.mderesponse.contracts.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.mderesponse.contracts.defender.IsolationType;
import io.mderesponse.contracts.defender.ScanType;
import io.mderesponse.contracts.id.DefenderIds;
import java.util.Objects;
import java.util.UUID;

/**
 * One machine action a decision asks for, in the rule's order, with the request id the response service carries
 * it out under. A decision's list of them (its plan) travels on the decision and on every request and result of
 * it, so the response service can keep the order and the notifier can tell when the last one has ended.
 *
 * @param requestId derived by {@link RequestIds}: the same for a redelivered decision and for the approval that
 *     settles a held one
 * @param isolationType required for {@code isolate}, else null
 * @param scanType required for {@code antivirusScan}, else null
 * @param sha1 required for {@code stopAndQuarantineFile}: the file's SHA-1 from the alert's evidence, else null
 * @param fileName for {@code stopAndQuarantineFile}: the evidence's file name for people (untrusted text), may be
 *     null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RequestedAction(
        UUID requestId,
        MachineActionKind kind,
        IsolationType isolationType,
        ScanType scanType,
        String sha1,
        String fileName) {

    public RequestedAction {
        Objects.requireNonNull(requestId, "RequestedAction.requestId is required");
        Objects.requireNonNull(kind, "RequestedAction.kind is required");
        checkParameters(kind, isolationType, scanType, sha1, "RequestedAction");
    }

    /** The parameter rules of every kind, shared with the request and result events. */
    static void checkParameters(MachineActionKind kind, IsolationType isolationType, ScanType scanType, String sha1,
            String event) {
        if (kind == MachineActionKind.ISOLATE && isolationType == null) {
            throw new IllegalArgumentException(event + ".isolationType is required for isolate");
        }
        if (kind == MachineActionKind.ANTIVIRUS_SCAN && scanType == null) {
            throw new IllegalArgumentException(event + ".scanType is required for antivirusScan");
        }
        if (kind == MachineActionKind.STOP_AND_QUARANTINE_FILE) {
            try {
                DefenderIds.requireValidSha1(sha1);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(event + ".sha1: " + e.getMessage(), e);
            }
        }
    }

    public static RequestedAction isolate(UUID requestId, IsolationType isolationType) {
        return new RequestedAction(requestId, MachineActionKind.ISOLATE, isolationType, null, null, null);
    }

    public static RequestedAction of(UUID requestId, MachineActionKind kind) {
        return new RequestedAction(requestId, kind, null, null, null, null);
    }

    public static RequestedAction antivirusScan(UUID requestId, ScanType scanType) {
        return new RequestedAction(requestId, MachineActionKind.ANTIVIRUS_SCAN, null, scanType, null, null);
    }

    public static RequestedAction stopAndQuarantineFile(UUID requestId, String sha1, String fileName) {
        return new RequestedAction(requestId, MachineActionKind.STOP_AND_QUARANTINE_FILE, null, null, sha1, fileName);
    }
}
