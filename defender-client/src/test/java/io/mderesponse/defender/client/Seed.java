package io.mderesponse.defender.client;

import io.mderesponse.testsupport.defender.SimulatorAdmin;
import io.mderesponse.testsupport.defender.TestIds;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Fresh machines and alerts in the simulator, with ids no other test uses. */
final class Seed {

    private Seed() {
    }

    static String machine(SimulatorAdmin admin) {
        String id = TestIds.machineId();
        admin.addMachine(Map.of("id", id, "computerDnsName", "desktop-" + id.substring(0, 8) + ".contoso.example",
                "machineTags", List.of("test")));
        return id;
    }

    /** An alert on the machine with one piece of evidence; extra fields override the defaults. */
    static String alert(SimulatorAdmin admin, String machineId, Map<String, Object> extra) {
        String id = TestIds.alertId();
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("id", id);
        alert.put("machineId", machineId);
        alert.put("severity", "High");
        alert.put("title", "Suspicious PowerShell command line");
        alert.put("evidence", List.of(Map.of("entityType", "Process", "fileName", "powershell.exe",
                "processCommandLine", "powershell.exe -enc ...")));
        alert.putAll(extra);
        admin.addAlert(alert);
        return id;
    }

    static String alert(SimulatorAdmin admin) {
        return alert(admin, machine(admin), Map.of());
    }
}
