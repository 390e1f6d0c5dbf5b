package io.mderesponse.simulator.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** All alerts, visible or still being "ingested". */
@ApplicationScoped
public class AlertStore {

    private final Map<String, StoredAlert> alerts = new ConcurrentHashMap<>();

    public void put(StoredAlert alert) {
        alerts.put(alert.alert().id(), alert);
    }

    public Optional<StoredAlert> find(String id) {
        return Optional.ofNullable(alerts.get(id));
    }

    /** The alert as the API shows it now: invisible alerts do not exist yet. */
    public Optional<Alert> visible(String id, Instant now) {
        return find(id).filter(a -> a.isVisibleAt(now)).map(StoredAlert::alert);
    }

    public List<Alert> allVisible(Instant now) {
        return alerts.values().stream().filter(a -> a.isVisibleAt(now)).map(StoredAlert::alert).toList();
    }

    public List<StoredAlert> all() {
        return List.copyOf(alerts.values());
    }

    public void clear() {
        alerts.clear();
    }
}
