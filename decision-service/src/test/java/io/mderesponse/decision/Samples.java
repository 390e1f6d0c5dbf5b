package io.mderesponse.decision;

import io.mderesponse.contracts.defender.DefenderAlert;
import io.mderesponse.contracts.defender.DefenderMachine;
import io.mderesponse.contracts.event.AlertEnriched;
import io.mderesponse.contracts.event.HuntingRowEnriched;
import io.mderesponse.contracts.event.HuntingRowFound;
import io.mderesponse.contracts.serde.EventJson;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Defender entities as the API returns them, for tests. */
public final class Samples {

    public static final String MACHINE_ID = "1e5bc9d7e413ddd7902c2932e418702b84d0cc07";

    private Samples() {
    }

    public static String uniqueAlertId() {
        return "da" + UUID.randomUUID().toString().replace("-", "");
    }

    public static DefenderAlert alert(String id, String severity, String machineId) {
        String machine = machineId == null ? "null" : "\"" + machineId + "\"";
        return EventJson.fromJson("""
                {"id":"%s","severity":"%s","status":"New","title":"Suspicious rundll32 <script>",
                 "category":"Execution","detectionSource":"WindowsDefenderAtp",
                 "alertCreationTime":"2026-11-27T10:00:00.1234567Z","lastUpdateTime":"2026-11-27T10:00:01Z",
                 "firstEventTime":"2026-11-27T09:59:00Z","lastEventTime":"2026-11-27T09:59:30Z",
                 "machineId":%s,"computerDnsName":"ws-042.contoso.com","rbacGroupName":"Workstations",
                 "evidence":[{"entityType":"Process","fileName":"rundll32.exe","processCommandLine":"rundll32 x.dll"}]}
                """.formatted(id, severity, machine), DefenderAlert.class);
    }

    public static DefenderMachine machine(String id) {
        return EventJson.fromJson("""
                {"id":"%s","computerDnsName":"ws-042.contoso.com","osPlatform":"Windows11",
                 "healthStatus":"Active","rbacGroupName":"Workstations","machineTags":["finance"]}
                """.formatted(id), DefenderMachine.class);
    }

    public static AlertEnriched enriched(String alertId, String severity) {
        return AlertEnriched.of(alert(alertId, severity, MACHINE_ID), machine(MACHINE_ID));
    }

    /** A unique valid machine id (40 lowercase hex characters). */
    public static String uniqueMachineId() {
        return (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, 40);
    }

    /** The sample alert with some fields replaced (JSON names and values, e.g. {@code "category", "Ransomware"}). */
    public static DefenderAlert alertWith(String id, String machineId, Map<String, Object> changes) {
        return with(alert(id, "High", machineId), changes, DefenderAlert.class);
    }

    /** The sample machine with some fields replaced. */
    public static DefenderMachine machineWith(String id, Map<String, Object> changes) {
        return with(machine(id), changes, DefenderMachine.class);
    }

    /** An enriched hunting row of query {@code queryId} with the given columns, about {@code machine} (or none). */
    public static HuntingRowEnriched huntingRow(String queryId, DefenderMachine machine, Map<String, Object> columns) {
        String rowKey = queryId + ":" + UUID.randomUUID();
        HuntingRowFound found = HuntingRowFound.of(queryId, Instant.parse("2026-11-27T10:00:00Z"), rowKey,
                machine == null ? null : machine.id(), columns);
        return HuntingRowEnriched.of(found, machine);
    }

    @SuppressWarnings("unchecked")
    private static <T> T with(T sample, Map<String, Object> changes, Class<T> type) {
        Map<String, Object> json = new LinkedHashMap<>(EventJson.fromJson(EventJson.toJson(sample), Map.class));
        json.putAll(changes);
        return EventJson.fromJson(EventJson.toJson(json), type);
    }
}
