package io.mderesponse.simulator.hunting;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The tables advanced hunting queries read; names are case-sensitive, as in KQL. */
@ApplicationScoped
public class HuntingTables {

    private final Map<String, HuntingTable> tables = new ConcurrentHashMap<>();

    public HuntingTable put(String name, List<Map<String, Object>> rows) {
        HuntingTable table = HuntingTable.infer(name, rows);
        tables.put(name, table);
        return table;
    }

    public Optional<HuntingTable> find(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    public List<HuntingTable> all() {
        return List.copyOf(tables.values());
    }

    public boolean remove(String name) {
        return tables.remove(name) != null;
    }

    public void clear() {
        tables.clear();
    }
}
