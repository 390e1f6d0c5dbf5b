package io.mderesponse.poller.service;

import io.mderesponse.contracts.defender.DefenderAlert;
import io.mderesponse.contracts.event.AlertDetected;
import io.mderesponse.contracts.event.AlertNewEvent;
import io.mderesponse.contracts.event.AlertSeverityRaised;
import io.mderesponse.contracts.serde.EventJson;
import io.mderesponse.defender.client.query.AlertField;
import io.mderesponse.defender.client.query.AlertQuery;
import io.mderesponse.defender.client.query.SortDirection;
import io.mderesponse.poller.state.PollerState;
import io.mderesponse.poller.state.SeenAlert;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * One poll: reads every alert changed since the watermark minus the overlap, page by page, and decides what
 * to publish. Pure logic: fetching is a function and nothing is published or remembered here.
 *
 * <p>The time field is {@code lastUpdateTime}, not {@code alertCreationTime}: an alert whose severity is raised
 * later changes only its update time, and the poller must see it again to report the rise. Alerts are
 * de-duplicated by id against everything published before, so the overlap and re-updated alerts never
 * publish an {@code AlertDetected} twice.
 */
public class AlertPoller {

    private final Function<AlertQuery, List<DefenderAlert>> fetch;
    private final Duration overlap;
    private final Duration initialLookback;
    private final int pageSize;

    public AlertPoller(Function<AlertQuery, List<DefenderAlert>> fetch, Duration overlap, Duration initialLookback,
            int pageSize) {
        this.fetch = fetch;
        this.overlap = overlap;
        this.initialLookback = initialLookback;
        this.pageSize = pageSize;
    }

    public PollResult poll(PollerState state, Instant now) {
        Instant since = state.watermark().map(mark -> mark.minus(overlap)).orElse(now.minus(initialLookback));
        List<AlertNewEvent> events = new ArrayList<>();
        List<PollResult.RejectedAlert> rejected = new ArrayList<>();
        Map<String, SeenAlert> seen = new LinkedHashMap<>();
        Instant newest = state.watermark().orElse(null);
        int read = 0;
        int pages = 0;
        List<DefenderAlert> page;
        do {
            page = fetch.apply(AlertQuery.builder().lastUpdatedSince(since)
                    .orderBy(AlertField.LAST_UPDATE_TIME, SortDirection.ASC)
                    .top(pageSize).skip(pages * pageSize).build());
            pages++;
            read += page.size();
            for (DefenderAlert alert : page) {
                newest = later(newest, alert.lastUpdateTime());
                consider(alert, state, seen, events, rejected);
            }
        } while (page.size() == pageSize);
        return new PollResult(events, rejected,
                new PollerState.StateUpdate(Optional.ofNullable(newest), seen), read, pages);
    }

    private static void consider(DefenderAlert alert, PollerState state, Map<String, SeenAlert> seen,
            List<AlertNewEvent> events, List<PollResult.RejectedAlert> rejected) {
        if (alert.id() != null && seen.containsKey(alert.id())) {
            return; // moved to a later page while we paged
        }
        try {
            Optional<SeenAlert> before = alert.id() == null ? Optional.empty() : state.seen(alert.id());
            if (before.isEmpty()) {
                events.add(AlertDetected.from(alert));
            } else if (alert.severity() != null && alert.severity().isHigherThan(before.get().severity())) {
                events.add(AlertSeverityRaised.from(alert, before.get().severity()));
            } else {
                return;
            }
            seen.put(alert.id(), new SeenAlert(alert.severity(), alert.lastUpdateTime()));
        } catch (RuntimeException e) {
            rejected.add(new PollResult.RejectedAlert(EventJson.toJson(alert), e.getMessage()));
        }
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
