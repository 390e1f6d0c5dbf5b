package io.mderesponse.simulator.machines;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** All machines, by id. */
@ApplicationScoped
public class MachineStore {

    private final Map<String, Machine> machines = new ConcurrentHashMap<>();

    public void put(Machine machine) {
        machines.put(machine.id(), machine);
    }

    public Optional<Machine> byId(String id) {
        return Optional.ofNullable(machines.get(id));
    }

    /** By id, else by computer name (full DNS name or its first label, ignoring case), as the real API allows. */
    public Optional<Machine> byIdOrName(String idOrName) {
        Optional<Machine> byId = byId(idOrName.toLowerCase(Locale.ROOT));
        if (byId.isPresent()) {
            return byId;
        }
        return machines.values().stream()
                .filter(m -> m.computerDnsName() != null)
                .filter(m -> m.computerDnsName().equalsIgnoreCase(idOrName)
                        || m.computerDnsName().split("\\.")[0].equalsIgnoreCase(idOrName))
                .findFirst();
    }

    public Collection<Machine> all() {
        return List.copyOf(machines.values());
    }

    public void clear() {
        machines.clear();
    }
}
