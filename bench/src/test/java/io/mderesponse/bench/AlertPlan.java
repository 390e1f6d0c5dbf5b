package io.mderesponse.bench;

import io.mderesponse.testsupport.defender.SampleData;
import io.mderesponse.testsupport.defender.SimulatorAdmin;
import io.mderesponse.testsupport.defender.TestIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Alerts to raise in the simulator: each High alert on a machine of its own (so every High alert leads to one
 * isolation), the others spread over a pool of machines, in a shuffled order.
 */
final class AlertPlan {

    /** One alert of the plan. */
    record PlannedAlert(String id, String severity, String machineId) {
    }

    private static final int BULK = 250;

    final List<String> machines = new ArrayList<>();
    final List<PlannedAlert> alerts = new ArrayList<>();
    private final Map<String, String> highAlertByMachine = new HashMap<>();

    private AlertPlan() {
    }

    /**
     * @param high High alerts, each on its own machine ({@code high <= machineCount})
     * @param medium Medium alerts; the rest alternate Low and Informational
     */
    static AlertPlan of(int alertCount, int machineCount, int high, int medium, long seed) {
        if (high > machineCount || high + medium > alertCount) {
            throw new IllegalArgumentException("Impossible plan: " + alertCount + " alerts, " + machineCount
                    + " machines, " + high + " High, " + medium + " Medium");
        }
        Random random = new Random(seed);
        AlertPlan plan = new AlertPlan();
        for (int i = 0; i < machineCount; i++) {
            plan.machines.add(TestIds.machineId());
        }
        for (int i = 0; i < alertCount; i++) {
            String severity = i < high ? "High" : i < high + medium ? "Medium" : i % 2 == 0 ? "Low" : "Informational";
            String machine = i < high ? plan.machines.get(i) : plan.machines.get(random.nextInt(machineCount));
            PlannedAlert alert = new PlannedAlert(TestIds.alertId(), severity, machine);
            plan.alerts.add(alert);
            if (i < high) {
                plan.highAlertByMachine.put(machine, alert.id());
            }
        }
        Collections.shuffle(plan.alerts, random);
        return plan;
    }

    /** A plan with the benchmark's usual mix: 10 % High, 20 % Medium, machines for every High alert plus a pool. */
    static AlertPlan mixed(int alertCount, long seed) {
        int high = (int) Math.round(alertCount * BenchSettings.HIGH_SHARE);
        int medium = (int) Math.round(alertCount * BenchSettings.MEDIUM_SHARE);
        return of(alertCount, high + Math.max(1, alertCount / 10), high, medium, seed);
    }

    List<String> alertIds() {
        return alerts.stream().map(PlannedAlert::id).toList();
    }

    List<PlannedAlert> high() {
        return alerts.stream().filter(a -> a.severity().equals("High")).toList();
    }

    /** The High alert whose machine this is, or null. */
    String highAlertOf(String machineId) {
        return highAlertByMachine.get(machineId);
    }

    int size() {
        return alerts.size();
    }

    /** Adds every machine of the plan, in bulk requests. */
    void seedMachines(SimulatorAdmin simulator) {
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (String machine : machines) {
            bodies.add(SampleData.machine(machine, "bench-" + machine.substring(0, 8) + ".contoso.com"));
        }
        for (int from = 0; from < bodies.size(); from += BULK) {
            simulator.addMachine(List.copyOf(bodies.subList(from, Math.min(bodies.size(), from + BULK))));
        }
    }

    /**
     * Adds alerts {@code from} (inclusive) to {@code to} (exclusive) in bulk requests, each visible from
     * {@code visibleAt} (or at once when null), and answers when the simulator shows each one.
     */
    Map<String, Instant> seedAlerts(SimulatorAdmin simulator, int from, int to, Instant visibleAt) {
        Map<String, Instant> visible = new LinkedHashMap<>();
        for (int start = from; start < to; start += BULK) {
            List<Map<String, Object>> bodies = new ArrayList<>();
            for (PlannedAlert alert : alerts.subList(start, Math.min(to, start + BULK))) {
                Map<String, Object> body = SampleData.alert(alert.id(), alert.severity(), alert.machineId());
                if (visibleAt != null) {
                    Duration delay = Duration.between(Instant.now(), visibleAt);
                    body.put("visibleAfter", (delay.isNegative() ? Duration.ZERO : delay).toString());
                }
                bodies.add(body);
            }
            simulator.addAlerts(bodies).forEach(stored -> visible.put(stored.path("id").asText(),
                    Instant.parse(stored.path("visibleAt").asText())));
        }
        return visible;
    }
}
