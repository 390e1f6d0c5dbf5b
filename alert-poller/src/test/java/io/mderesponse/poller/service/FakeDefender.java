package io.mderesponse.poller.service;

import io.mderesponse.contracts.defender.DefenderAlert;
import io.mderesponse.contracts.serde.EventJson;
import io.mderesponse.defender.client.query.AlertQuery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The alerts list as the real API answers it: {@code lastUpdateTime ge} filter, order by {@code lastUpdateTime}
 * with a stable tie order, {@code $top}/{@code $skip}, alerts visible only from their ingestion time. A hook runs
 * before each answer, so tests can change the data between two pages of one poll.
 */
final class FakeDefender implements AlertPages {

    private static final Pattern SINCE = Pattern.compile("lastUpdateTime ge (\\S+)");

    private final Map<String, Stored> alerts = new LinkedHashMap<>();
    final List<AlertQuery> queries = new ArrayList<>();
    Instant now = Instant.parse("2026-11-27T12:00:00Z");
    Runnable beforeEachAnswer = () -> { };

    /** {@code evidence}: how many pieces of evidence the alert has (returned only with {@code $expand=evidence}). */
    record Stored(String id, String severity, Instant created, Instant updated, Instant visibleAt, int evidence) {
    }

    void add(String id, String severity, Instant updated) {
        add(id, severity, updated, updated);
    }

    void add(String id, String severity, Instant updated, Instant visibleAt) {
        alerts.put(id, new Stored(id, severity, updated, updated, visibleAt, 1));
    }

    void addWithEvidence(String id, String severity, Instant updated, int evidence) {
        alerts.put(id, new Stored(id, severity, updated, updated, updated, evidence));
    }

    void addCreated(String id, String severity, Instant created, Instant updated) {
        alerts.put(id, new Stored(id, severity, created, updated, updated, 1));
    }

    /** An update: the alert moves to {@code updated} (and to the end of the order). */
    void update(String id, String severity, Instant updated) {
        Stored old = alerts.get(id);
        alerts.put(id, new Stored(id, severity, old.created(), updated, old.visibleAt(), old.evidence()));
    }

    List<String> ids() {
        return List.copyOf(alerts.keySet());
    }

    @Override
    public List<PageEntry> fetch(AlertQuery query) {
        queries.add(query);
        beforeEachAnswer.run();
        Matcher since = SINCE.matcher(query.filter().orElseThrow());
        Instant from = since.find() ? Instant.parse(since.group(1)) : Instant.MIN;
        List<Stored> matched = alerts.values().stream()
                .filter(a -> !a.visibleAt().isAfter(now))
                .filter(a -> !a.updated().isBefore(from))
                .sorted(Comparator.comparing(Stored::updated).thenComparing(Stored::created)
                        .thenComparing(Stored::id))
                .toList();
        int skip = query.skip().orElse(0);
        int top = query.top().orElseThrow();
        return matched.subList(Math.min(skip, matched.size()), Math.min(skip + top, matched.size())).stream()
                .map(a -> PageEntry.of(alert(a.id(), a.severity(), a.created(), a.updated(),
                        query.expand().isPresent() ? a.evidence() : 0)))
                .toList();
    }

    static DefenderAlert alert(String id, String severity, Instant created, Instant updated, int evidence) {
        StringBuilder pieces = new StringBuilder();
        for (int i = 0; i < evidence; i++) {
            pieces.append(i == 0 ? "" : ",").append("""
                    {"entityType":"Process","fileName":"tool-%d.exe","processCommandLine":"tool-%d.exe --run"}
                    """.formatted(i, i));
        }
        return EventJson.fromJson("""
                {"id":"%s","severity":"%s","title":"t","alertCreationTime":"%s","lastUpdateTime":"%s",
                 "evidence":[%s]}
                """.formatted(id, severity, created, updated, pieces), DefenderAlert.class);
    }

    static DefenderAlert alert(String id, String severity, Instant created, Instant updated) {
        return EventJson.fromJson("""
                {"id":"%s","severity":"%s","title":"t","alertCreationTime":"%s","lastUpdateTime":"%s"}
                """.formatted(id, severity, created, updated), DefenderAlert.class);
    }
}
