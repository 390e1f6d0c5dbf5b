package io.mderesponse.notifier.service;

import io.mderesponse.contracts.defender.IsolationType;
import io.mderesponse.contracts.defender.ScanType;
import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.contracts.event.RequestedAction;
import java.util.List;
import java.util.stream.Collectors;

/** Machine actions in words for people, with their parameters; untrusted parameters (file names) made safe. */
public final class ActionWords {

    private ActionWords() {
    }

    /** What {@code kind} does, e.g. "Collect an investigation package". */
    public static String action(MachineActionKind kind) {
        return switch (kind) {
            case ISOLATE -> "Isolate the machine";
            case UNISOLATE -> "Release the machine from isolation";
            case ANTIVIRUS_SCAN -> "Run an antivirus scan";
            case COLLECT_INVESTIGATION_PACKAGE -> "Collect an investigation package";
            case RESTRICT_APP_EXECUTION -> "Restrict app execution";
            case REMOVE_APP_RESTRICTION -> "Remove the app execution restriction";
            case STOP_AND_QUARANTINE_FILE -> "Stop and quarantine a file";
            case UNKNOWN -> "A machine action this notifier does not know";
        };
    }

    /** Defender's machine action type, e.g. {@code RunAntiVirusScan}; {@code Unknown} for a kind not known here. */
    public static String type(MachineActionKind kind) {
        return kind.defenderType() == null ? "Unknown" : kind.defenderType();
    }

    /** The action's parameters in words, one line, bounded; {@link MailText#NONE} when it has none. */
    public static String parameters(RequestedAction action) {
        return parameters(action.kind(), action.isolationType(), action.scanType(), action.sha1(), action.fileName());
    }

    /** As above, from an event's fields: the file name and SHA-1 are untrusted text, shown as text. */
    public static String parameters(MachineActionKind kind, IsolationType isolationType, ScanType scanType,
            String sha1, String fileName) {
        String words = switch (kind) {
            case ISOLATE -> isolationType == null ? null : isolationType + " isolation";
            case ANTIVIRUS_SCAN -> scanType == null ? null : scanType + " scan";
            case STOP_AND_QUARANTINE_FILE -> "File " + MailText.field(fileName, MailText.FIELD_MAX) + ", SHA-1 "
                    + MailText.field(sha1, 64);
            default -> null;
        };
        return MailText.field(words, MailText.FIELD_MAX);
    }

    /** The plan in words, e.g. "Isolate the machine (Full isolation), Collect an investigation package". */
    public static String plan(List<RequestedAction> plan) {
        return MailText.field(plan.stream().map(action -> {
            String parameters = parameters(action);
            return action(action.kind()) + (parameters.equals(MailText.NONE) ? "" : " (" + parameters + ")");
        }).collect(Collectors.joining(", ")), MailText.REASON_MAX);
    }
}
