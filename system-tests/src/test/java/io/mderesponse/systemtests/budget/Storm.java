package io.mderesponse.systemtests.budget;

import io.mderesponse.testsupport.defender.SampleData;
import io.mderesponse.testsupport.defender.SimulatorAdmin;
import io.mderesponse.testsupport.defender.TestIds;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * A burst of alerts on a set of machines: each High alert on a machine of its own (so every High machine must end
 * isolated), the others spread over all machines, in random order. Seeded into the simulator in a few bulk
 * requests, so the alerts appear at once.
 */
final class Storm {

    /** One alert of the storm. */
    record PlannedAlert(String id, String severity, String machineId) {
    }

    final List<String> machines = new ArrayList<>();
    final List<String> highMachines = new ArrayList<>();
    final List<PlannedAlert> alerts = new ArrayList<>();

    private Storm() {
    }

    /**
     * @param high alerts of severity High, each on its own machine ({@code high <= machineCount})
     * @param medium alerts of severity Medium; the rest alternate between Low and Informational
     */
    static Storm of(int alertCount, int machineCount, int high, int medium, long seed) {
        if (high > machineCount || high + medium > alertCount) {
            throw new IllegalArgumentException("Impossible storm");
        }
        Random random = new Random(seed);
        Storm storm = new Storm();
        for (int i = 0; i < machineCount; i++) {
            storm.machines.add(TestIds.machineId());
        }
        storm.highMachines.addAll(storm.machines.subList(0, high));
        for (String machine : storm.highMachines) {
            storm.alerts.add(new PlannedAlert(TestIds.alertId(), "High", machine));
        }
        for (int i = high; i < alertCount; i++) {
            String severity = i < high + medium ? "Medium" : (i % 2 == 0 ? "Low" : "Informational");
            storm.alerts.add(new PlannedAlert(TestIds.alertId(), severity,
                    storm.machines.get(random.nextInt(machineCount))));
        }
        Collections.shuffle(storm.alerts, random);
        return storm;
    }

    List<String> alertIds() {
        return alerts.stream().map(PlannedAlert::id).toList();
    }

    long count(String severity) {
        return alerts.stream().filter(a -> a.severity().equals(severity)).count();
    }

    /** Machines first, then the alerts, in bulk requests of at most 250. */
    void seed(SimulatorAdmin simulator) {
        List<Map<String, Object>> machineBodies = new ArrayList<>();
        for (String machine : machines) {
            machineBodies.add(SampleData.machine(machine, "storm-" + machine.substring(0, 8) + ".contoso.com"));
        }
        inChunks(machineBodies, simulator::addMachine);
        List<Map<String, Object>> alertBodies = new ArrayList<>();
        for (PlannedAlert alert : alerts) {
            alertBodies.add(SampleData.alert(alert.id(), alert.severity(), alert.machineId()));
        }
        inChunks(alertBodies, simulator::addAlert);
    }

    int size() {
        return alerts.size();
    }

    private static void inChunks(List<Map<String, Object>> bodies, Consumer<Object> send) {
        for (int from = 0; from < bodies.size(); from += 250) {
            send.accept(List.copyOf(bodies.subList(from, Math.min(bodies.size(), from + 250))));
        }
    }
}
