package io.mderesponse.contracts;

import io.mderesponse.contracts.defender.DefenderAlert;
import io.mderesponse.contracts.defender.DefenderMachine;
import io.mderesponse.contracts.defender.IsolationType;
import io.mderesponse.contracts.defender.ScanType;
import io.mderesponse.contracts.defender.Severity;
import io.mderesponse.contracts.event.AlertDetected;
import io.mderesponse.contracts.event.AlertEnriched;
import io.mderesponse.contracts.event.AlertSeverityRaised;
import io.mderesponse.contracts.event.AlertSummary;
import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.DecisionOutcome;
import io.mderesponse.contracts.event.Event;
import io.mderesponse.contracts.event.EventType;
import io.mderesponse.contracts.event.FinalStatus;
import io.mderesponse.contracts.event.HuntingRow;
import io.mderesponse.contracts.event.HuntingRowEnriched;
import io.mderesponse.contracts.event.HuntingRowFound;
import io.mderesponse.contracts.event.MachineActionCompleted;
import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.contracts.event.MachineActionType;
import io.mderesponse.contracts.event.RequestedAction;
import io.mderesponse.contracts.event.ResponseActionCompleted;
import io.mderesponse.contracts.event.ResponseActionRequested;
import io.mderesponse.contracts.event.RequestIds;
import io.mderesponse.contracts.event.RuleAction;
import io.mderesponse.contracts.serde.EventJson;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Sample Defender entities (the API reference's examples) and one full and one minimal sample per event. */
public final class Samples {

    public static final String ALERT_ID = "da637472900382838869_1364969609";
    public static final String MACHINE_ID = "111e6dd8c833c8a052ea231ec1b19adaf497b625";
    public static final Instant T0 = Instant.parse("2021-01-26T20:33:57.722023900Z");
    private static final UUID EVENT_ID = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static final UUID DECISION_ID = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");

    /** The alert example of the API reference, plus fields it leaves out. */
    public static final String ALERT_JSON = """
            {"id":"da637472900382838869_1364969609","incidentId":1126093,"investigationId":null,"assignedTo":null,
             "severity":"Low","status":"New","classification":null,"determination":null,"investigationState":"Queued",
             "detectionSource":"WindowsDefenderAtp","detectorId":"17e10bbc-3a68-474a-8aad-faef14d43952",
             "category":"Execution","threatFamilyName":null,
             "title":"Low-reputation arbitrary code executed by signed executable",
             "alertCreationTime":"2021-01-26T20:33:57.7220239Z","firstEventTime":"2021-01-26T20:31:32.9562661Z",
             "lastEventTime":"2021-01-26T20:31:33.0577322Z","lastUpdateTime":"2021-01-26T20:33:59.2Z",
             "resolvedTime":null,"machineId":"111e6dd8c833c8a052ea231ec1b19adaf497b625",
             "computerDnsName":"temp123.middleeast.corp.microsoft.com","rbacGroupName":"A",
             "aadTenantId":"a839b112-1253-6432-9bf6-94542403f21c","threatName":null,
             "mitreTechniques":["T1064","T1085","T1220"],"relatedUser":{"userName":"temp123","domainName":"DOMAIN"},
             "comments":[{"comment":"test comment for docs","createdBy":"secop123@contoso.com",
                          "createdTime":"2021-01-26T01:00:37.8404534Z"}],
             "evidence":[{"entityType":"Process","evidenceCreationTime":"2021-01-26T20:33:58.6133333Z",
               "sha1":"ff836cfb1af40252bd2a2ea843032e99a5b262ed","fileName":"rundll32.exe",
               "filePath":"C:\\\\Windows\\\\SysWOW64","processId":3276,
               "processCommandLine":"rundll32.exe  c:\\\\temp\\\\suspicious.dll,RepeatAfterMe",
               "parentProcessId":8420,"detectionStatus":"Detected"}],
             "loggedOnUsers":[{"accountName":"temp123","domainName":"DOMAIN"}],
             "domains":[],"aFieldDefenderAddsLater":{"nested":true}}
            """;

    /** The machine example of the API reference, plus a field it leaves out. */
    public static final String MACHINE_JSON = """
            {"@odata.context":"https://api.security.microsoft.com/api/$metadata#Machine",
             "id":"111e6dd8c833c8a052ea231ec1b19adaf497b625","computerDnsName":"mymachine1.contoso.com",
             "firstSeen":"2018-08-02T14:55:03.7791856Z","lastSeen":"2021-01-25T07:27:36.052313Z",
             "osPlatform":"Windows10","osProcessor":"x64","version":"1901","lastIpAddress":"10.166.113.46",
             "lastExternalIpAddress":"167.220.203.175","osBuild":19042,"healthStatus":"Active",
             "deviceValue":"Normal","rbacGroupId":140,"rbacGroupName":"The-A-Team","riskScore":"High",
             "exposureLevel":"Low","isAadJoined":true,"aadDeviceId":"fd2e4d29-7072-4195-aaa5-1af139b78028",
             "machineTags":["Tag1","Tag2"],
             "ipAddresses":[{"ipAddress":"10.166.113.47","macAddress":"8CEC4B897E73","operationalStatus":"Up"}],
             "isExcluded":false,"vmMetadata":{"vmId":"x"}}
            """;

    private Samples() {
    }

    public static DefenderAlert alert() {
        return EventJson.fromJson(ALERT_JSON, DefenderAlert.class);
    }

    public static DefenderMachine machine() {
        return EventJson.fromJson(MACHINE_JSON, DefenderMachine.class);
    }

    public static AlertSummary summary() {
        return AlertSummary.from(alert(), machine());
    }

    /** Columns of several JSON types, including a null one, in a deliberate order. */
    public static Map<String, Object> huntingColumns() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("Timestamp", "2020-02-05T01:10:26.2648757Z");
        row.put("FileName", "csc.exe");
        row.put("DeviceId", MACHINE_ID);
        row.put("ProcessId", 4711);
        row.put("Signed", true);
        row.put("InitiatingProcessParent", null);
        return row;
    }

    public static HuntingRow huntingRow() {
        return new HuntingRow("suspicious-csc", T0, "suspicious-csc:" + MACHINE_ID + ":4711", MACHINE_ID,
                huntingColumns());
    }

    public static final String SHA1 = "87662bc3d60e4200ceaf7aae249d1c343f4b83c9";

    /** A decision's plan: isolate, collect a package, quarantine a file. */
    public static List<RequestedAction> plan() {
        return List.of(
                RequestedAction.isolate(RequestIds.forAlert(ALERT_ID, "isolate-high", MachineActionType.Isolate),
                        IsolationType.Full),
                RequestedAction.of(RequestIds.forAlert(ALERT_ID, "isolate-high",
                        MachineActionKind.COLLECT_INVESTIGATION_PACKAGE, null),
                        MachineActionKind.COLLECT_INVESTIGATION_PACKAGE),
                quarantine());
    }

    /** Every field set (a quarantine names no isolation type: those fields are set in {@link #plan()}'s first). */
    public static RequestedAction quarantine() {
        return new RequestedAction(RequestIds.forAlert(ALERT_ID, "isolate-high",
                MachineActionKind.STOP_AND_QUARANTINE_FILE, SHA1), MachineActionKind.STOP_AND_QUARANTINE_FILE,
                IsolationType.Full, ScanType.Quick, SHA1, "mimikatz.exe");
    }

    /** Every field set, nested entities included. */
    public static Event full(EventType type) {
        return switch (type) {
            case ALERT_DETECTED -> new AlertDetected(EVENT_ID, ALERT_ID, T0, 1, ALERT_ID, MACHINE_ID, Severity.High,
                    "Suspicious PowerShell", T0.minusSeconds(60), T0, "a839b112-1253-6432-9bf6-94542403f21c",
                    alert());
            case ALERT_SEVERITY_RAISED -> new AlertSeverityRaised(EVENT_ID, ALERT_ID, T0, 1, ALERT_ID, MACHINE_ID,
                    Severity.High, "Suspicious PowerShell", T0.minusSeconds(60), T0,
                    "a839b112-1253-6432-9bf6-94542403f21c", Severity.Medium, alert());
            case ALERT_ENRICHED -> new AlertEnriched(EVENT_ID, ALERT_ID, T0, 1, alert(), machine());
            case HUNTING_ROW_ENRICHED -> new HuntingRowEnriched(EVENT_ID, huntingRow().rowKey(), T0, 1,
                    huntingRow(), machine());
            case DECISION_MADE -> new DecisionMade(EVENT_ID, ALERT_ID, T0, 1, DECISION_ID, summary(), MACHINE_ID,
                    "isolate-high", "sha256:5f1c", Map.of("alert.severity", "High", "machine.machineTags",
                            List.of("Tag1", "Tag2")), List.of(RuleAction.ISOLATE, RuleAction.NOTIFY),
                    IsolationType.Full, DecisionOutcome.APPROVED, UUID.randomUUID(), "lead@example.com",
                    "analyst@example.com", List.of("soc@example.com"), "approved after the cap was reached",
                    plan());
            case MACHINE_ACTION_REQUESTED -> new MachineActionRequested(EVENT_ID, ALERT_ID, T0, 1,
                    RequestIds.forAlert(ALERT_ID, "isolate-high", MachineActionType.Isolate),
                    MachineActionType.Isolate, MACHINE_ID, IsolationType.Selective, "Isolated by mde-response",
                    DECISION_ID, summary(), List.of("soc@example.com", "oncall@example.com"), "isolate-high",
                    MachineActionKind.ISOLATE, plan());
            case MACHINE_ACTION_COMPLETED -> new MachineActionCompleted(EVENT_ID, ALERT_ID, T0, 1,
                    RequestIds.forAlert(ALERT_ID, "isolate-high", MachineActionType.Isolate), DECISION_ID,
                    MachineActionType.Isolate, MACHINE_ID, summary(), List.of("soc@example.com"),
                    "5382f7ea-7557-4ab7-9782-d50480024a4e", FinalStatus.Failed, "Defender reported Failed",
                    T0.minusSeconds(30), T0, "isolate-high", MachineActionKind.ISOLATE, plan());
            case HUNTING_ROW_FOUND -> new HuntingRowFound(EVENT_ID, huntingRow().rowKey(), T0, 1, "suspicious-csc",
                    T0, huntingRow().rowKey(), MACHINE_ID, huntingColumns());
            case RESPONSE_ACTION_REQUESTED -> new ResponseActionRequested(EVENT_ID, ALERT_ID, T0, 1,
                    quarantine().requestId(), MachineActionKind.STOP_AND_QUARANTINE_FILE, MACHINE_ID, ScanType.Full,
                    SHA1, "mimikatz.exe", "Quarantined by mde-response", DECISION_ID, "isolate-high", plan(),
                    summary(), List.of("soc@example.com"));
            case RESPONSE_ACTION_COMPLETED -> new ResponseActionCompleted(EVENT_ID, ALERT_ID, T0, 1,
                    quarantine().requestId(), DECISION_ID, MachineActionKind.STOP_AND_QUARANTINE_FILE, MACHINE_ID,
                    ScanType.Full, SHA1, "mimikatz.exe", "isolate-high", plan(), summary(),
                    List.of("soc@example.com"), "7f7b3b7a-1c55-4a1e-9a9b-0b1a4b8c6d11", FinalStatus.Succeeded,
                    "Defender reported Succeeded", T0.minusSeconds(30), T0);
        };
    }

    /** Every nullable field null, every list and map empty. */
    public static Event minimal(EventType type) {
        AlertSummary bareSummary = new AlertSummary(ALERT_ID, null, null, null, null, null, null, null, null, null,
                null);
        return switch (type) {
            case ALERT_DETECTED -> new AlertDetected(EVENT_ID, ALERT_ID, T0, 1, ALERT_ID, null,
                    Severity.UnSpecified, "", T0, T0, null, null);
            case ALERT_SEVERITY_RAISED -> new AlertSeverityRaised(EVENT_ID, ALERT_ID, T0, 1, ALERT_ID, null,
                    Severity.Low, "", T0, T0, null, Severity.UnSpecified, null);
            case ALERT_ENRICHED -> new AlertEnriched(EVENT_ID, ALERT_ID, T0, 1,
                    EventJson.fromJson("{\"id\":\"" + ALERT_ID + "\"}", DefenderAlert.class), null);
            case HUNTING_ROW_ENRICHED -> new HuntingRowEnriched(EVENT_ID, "k", T0, 1,
                    new HuntingRow("q", T0, "k", null, Map.of()), null);
            case DECISION_MADE -> new DecisionMade(EVENT_ID, ALERT_ID, T0, 1, DECISION_ID, null, null, null, "v1",
                    Map.of(), List.of(), null, DecisionOutcome.NO_MATCH, null, null, null, List.of(), null, null);
            case MACHINE_ACTION_REQUESTED -> new MachineActionRequested(EVENT_ID, ALERT_ID, T0, 1, EVENT_ID,
                    MachineActionType.Unisolate, MACHINE_ID, null, "", DECISION_ID, null, List.of(), null, null,
                    null);
            case MACHINE_ACTION_COMPLETED -> new MachineActionCompleted(EVENT_ID, ALERT_ID, T0, 1, EVENT_ID,
                    DECISION_ID, MachineActionType.Unisolate, MACHINE_ID, bareSummary, List.of(), null,
                    FinalStatus.Succeeded, null, T0, T0, null, null, null);
            case HUNTING_ROW_FOUND -> new HuntingRowFound(EVENT_ID, "k", T0, 1, "q", T0, "k", null, Map.of());
            case RESPONSE_ACTION_REQUESTED -> new ResponseActionRequested(EVENT_ID, ALERT_ID, T0, 1, EVENT_ID,
                    MachineActionKind.COLLECT_INVESTIGATION_PACKAGE, MACHINE_ID, null, null, null, "", DECISION_ID,
                    null, List.of(), null, List.of());
            case RESPONSE_ACTION_COMPLETED -> new ResponseActionCompleted(EVENT_ID, ALERT_ID, T0, 1, EVENT_ID,
                    DECISION_ID, MachineActionKind.COLLECT_INVESTIGATION_PACKAGE, MACHINE_ID, null, null, null, null,
                    List.of(), null, List.of(), null, FinalStatus.Rejected, null, T0, T0);
        };
    }
}
