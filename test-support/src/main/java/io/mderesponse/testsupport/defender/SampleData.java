package io.mderesponse.testsupport.defender;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Machines and alerts shaped like the Defender API's examples, as JSON-ready maps for {@link SimulatorAdmin}.
 * Titles carry markup on purpose: everything downstream must treat alert text as hostile.
 */
public final class SampleData {

    private SampleData() {
    }

    /** A Windows 11 workstation with the given id. */
    public static Map<String, Object> machine(String machineId, String dnsName) {
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("id", machineId);
        machine.put("computerDnsName", dnsName);
        machine.put("osPlatform", "Windows11");
        machine.put("healthStatus", "Active");
        machine.put("rbacGroupName", "Workstations");
        machine.put("riskScore", "High");
        machine.put("machineTags", List.of("finance"));
        return machine;
    }

    /** A New alert on {@code machineId} (null: none), created and last updated now. */
    public static Map<String, Object> alert(String alertId, String severity, String machineId) {
        Instant now = Instant.now();
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("id", alertId);
        alert.put("severity", severity);
        alert.put("status", "New");
        alert.put("title", severity + " alert <b>" + alertId + "</b> & \"friends\"");
        alert.put("category", "Execution");
        alert.put("detectionSource", "WindowsDefenderAtp");
        alert.put("machineId", machineId);
        alert.put("computerDnsName", machineId == null ? null : "host-" + machineId.substring(0, 8) + ".contoso.com");
        alert.put("alertCreationTime", now.toString());
        alert.put("lastUpdateTime", now.toString());
        alert.put("firstEventTime", now.minusSeconds(60).toString());
        alert.put("lastEventTime", now.minusSeconds(30).toString());
        alert.put("evidence", List.of(Map.of("entityType", "Process", "fileName", "rundll32.exe",
                "processCommandLine", "rundll32.exe c:\\temp\\suspicious.dll,RepeatAfterMe")));
        return alert;
    }
}
