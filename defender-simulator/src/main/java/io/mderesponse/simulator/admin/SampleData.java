package io.mderesponse.simulator.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mderesponse.simulator.hunting.HuntingTables;
import io.mderesponse.simulator.machines.Machine;
import io.mderesponse.simulator.machines.MachineFactory;
import io.mderesponse.simulator.machines.MachineStore;
import io.mderesponse.simulator.odata.DateTimes;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Made-up machines, a hunting table and alerts for the local run; no real tenant's names or addresses. */
@ApplicationScoped
public class SampleData {

    private static final String[][] MACHINES = {
        {"1e5bc9d7e413ddd7902c2932e418702b84d0cc07", "desktop-alice.contoso.example", "Workstations"},
        {"7b1f4967d9728e5aa3c06a9e617a22a4a5a17378", "desktop-bob.contoso.example", "Workstations"},
        {"f46b9bb259ed4a7fb9981b73510e3cc7aa81ec1f", "srv-files01.contoso.example", "Servers"},
    };

    private final MachineStore machines;
    private final MachineFactory machineFactory;
    private final HuntingTables tables;
    private final ObjectMapper mapper;
    private final Clock clock;

    public SampleData(MachineStore machines, MachineFactory machineFactory, HuntingTables tables,
            ObjectMapper mapper, Clock clock) {
        this.machines = machines;
        this.machineFactory = machineFactory;
        this.tables = tables;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Adds the sample machines and a small {@code DeviceProcessEvents} table. */
    public void seed() {
        Instant now = clock.instant();
        for (String[] m : MACHINES) {
            ObjectNode json = mapper.createObjectNode().put("id", m[0]).put("computerDnsName", m[1])
                    .put("rbacGroupName", m[2]).put("lastIpAddress", "10.0.0." + (machines.all().size() + 10));
            machines.put(machineFactory.create(json, now));
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String[] m : MACHINES) {
            rows.add(Map.of("Timestamp", DateTimes.format(DateTimes.toTicks(now)), "DeviceId", m[0],
                    "DeviceName", m[1], "FileName", "powershell.exe", "ProcessCommandLine", "powershell.exe -enc ..."));
        }
        tables.put("DeviceProcessEvents", rows);
    }

    /** Alert JSON for the admin API: one alert per entry, on a random known machine. */
    public ArrayNode alerts(int count, String severity) {
        List<Machine> known = List.copyOf(machines.all());
        ArrayNode alerts = mapper.createArrayNode();
        for (int i = 0; i < count; i++) {
            ObjectNode alert = alerts.addObject().put("severity", severity)
                    .put("title", "Suspicious PowerShell command line").put("category", "Execution");
            if (!known.isEmpty()) {
                alert.put("machineId", known.get(ThreadLocalRandom.current().nextInt(known.size())).id());
            }
        }
        return alerts;
    }
}
