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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * One poll: reads every alert changed since the watermark minus the overlap, page by page, decides what to
 * publish, and hands each page's result to a {@link Committer}. Pure logic: fetching and committing are
 * functions.
 *
 * <p><b>Time field.</b> {@code lastUpdateTime}, not {@code alertCreationTime}: an alert whose severity is raised
 * later changes only its update time, and the poller must see it again to report the rise.
 *
 * <p><b>Paging</b> is by key, not by offset alone. Each query asks {@code lastUpdateTime ge <cursor>} ordered by
 * {@code lastUpdateTime asc}; the cursor moves to the last alert's time after each page, and {@code $skip} only
 * steps over the alerts already read that share the cursor's time. An alert updated while we page moves to the
 * end of the order, which with plain {@code $skip} paging would shift the next alert into a page already read;
 * here the earlier alerts are outside the next query altogether. Each page is also asked to start one alert
 * early, at the last alert read (the anchor): only what follows the anchor is taken, and when the anchor is
 * not in the page (it or its neighbours moved) the cursor's query is read again from its start. Correctness
 * rests on one fact: once the anchor is found, what follows it in the page is exactly what follows it now.
 *
 * <p><b>Watermark.</b> Each page's commit moves the watermark to the newest {@code lastUpdateTime} read, but
 * never past the poll's start; the last page moves it to at least the poll's start minus the overlap. An alert
 * that became visible after the poll started has a {@code lastUpdateTime} later than the poll's start minus its
 * ingestion delay, so the next poll, which starts {@code overlap} before the watermark, sees it.
 *
 * <p><b>Snapshot.</b> Each event carries the alert as the list returned it (with evidence, asked for with
 * {@code $expand=evidence}), so enrichment need not read it again; an alert whose JSON is larger than
 * {@code snapshotMaxBytes} is published without it, so a huge evidence list cannot stall the transaction.
 *
 * <p><b>Seen ids</b> are kept until their newest version is older than the watermark minus the retention; the
 * last page of a poll deletes (tombstones) such ids. An alert absent from the state but created before that
 * horizon is taken as one published and forgotten: it is remembered again, and not announced.
 */
public class AlertPoller {

    /** Times one poll may find its anchor gone and read the cursor's query again before giving up. */
    static final int MAX_RESTARTS = 10;
    /** Ids forgotten in one poll at most, so one transaction stays small. */
    static final int MAX_FORGOTTEN_PER_POLL = 5_000;
    /** Longest id kept for an alert that was rejected, so a rejected alert is not dead-lettered every poll. */
    private static final int MAX_REJECTED_ID_LENGTH = 256;
    /** The default of {@code poller.snapshot-max-bytes}: 64 KiB of JSON. */
    public static final int DEFAULT_SNAPSHOT_MAX_BYTES = 65_536;
    private static final Logger LOG = Logger.getLogger(AlertPoller.class);

    private final AlertPages pages;
    private final Duration overlap;
    private final Duration initialLookback;
    private final Duration retention;
    private final int pageSize;
    private final int snapshotMaxBytes;

    /** Receives each page's result and returns once Kafka committed it; throws (committing nothing) otherwise. */
    @FunctionalInterface
    public interface Committer {
        void commit(PollResult page);
    }

    public AlertPoller(AlertPages pages, Duration overlap, Duration initialLookback, Duration retention,
            int pageSize) {
        this(pages, overlap, initialLookback, retention, pageSize, DEFAULT_SNAPSHOT_MAX_BYTES);
    }

    public AlertPoller(AlertPages pages, Duration overlap, Duration initialLookback, Duration retention,
            int pageSize, int snapshotMaxBytes) {
        if (pageSize < 2) {
            throw new IllegalArgumentException("page size must be at least 2: each page re-reads one alert");
        }
        this.pages = pages;
        this.overlap = overlap;
        this.initialLookback = initialLookback;
        this.retention = retention;
        this.pageSize = pageSize;
        this.snapshotMaxBytes = snapshotMaxBytes;
    }

    /**
     * Polls once. Each page is committed before the next is fetched, and {@code state} is advanced after each
     * commit; an exception leaves the pages committed so far and nothing of the rest.
     */
    public PollSummary poll(PollerState state, Instant pollStart, Committer committer) {
        Optional<Instant> before = state.watermark();
        Instant since = before.map(mark -> mark.minus(overlap)).orElse(pollStart.minus(initialLookback));
        Instant horizon = before.map(mark -> mark.minus(retention)).orElse(null);
        Instant cursor = since;
        int known = 0; // alerts of the cursor's query up to and including the anchor
        String anchor = null;
        Instant runTime = null; // the time shared by the last `run` alerts read
        int run = 0;
        Instant newest = null;
        Totals totals = new Totals();
        while (true) {
            int skip = anchor == null ? 0 : known - 1;
            List<PageEntry> page = pages.fetch(query(cursor, skip));
            totals.pages++;
            int start = 0;
            if (anchor != null) {
                int at = indexOf(page, anchor);
                if (at < 0) {
                    if (++totals.restarts > MAX_RESTARTS) {
                        throw new IllegalStateException("Alerts kept moving while paging: the last alert read was "
                                + "not found again " + MAX_RESTARTS + " times; the next poll starts over");
                    }
                    anchor = null;
                    continue;
                }
                start = at + 1;
            } else {
                runTime = null;
                run = 0;
            }
            List<PageEntry> fresh = page.subList(start, page.size());
            Page outcome = new Page();
            for (PageEntry entry : fresh) {
                handle(entry, state, horizon, outcome);
                newest = later(newest, entry.lastUpdateTime());
                if (entry.lastUpdateTime() != null && entry.lastUpdateTime().equals(runTime)) {
                    run++;
                } else {
                    runTime = entry.lastUpdateTime();
                    run = runTime == null ? 0 : 1;
                }
            }
            boolean lastPage = page.size() < pageSize;
            Instant mark = watermark(before, newest, pollStart, lastPage);
            Optional<Instant> advanced = Optional.ofNullable(mark)
                    .filter(m -> state.watermark().map(m::isAfter).orElse(true));
            Set<String> forgotten = lastPage && mark != null ? forgettable(state, mark, outcome.seen) : Set.of();
            PollResult result = new PollResult(outcome.events, outcome.rejected,
                    new PollerState.StateUpdate(advanced, outcome.seen, forgotten), fresh.size(), outcome.duplicates,
                    outcome.reappeared);
            if (!result.isEmpty()) {
                committer.commit(result);
                state.apply(result.update());
            }
            totals.add(result);
            if (lastPage) {
                return totals.summary();
            }
            PageEntry last = page.get(page.size() - 1);
            known = skip + page.size();
            if (run > 0 && runTime.equals(last.lastUpdateTime()) && runTime.isAfter(cursor)) {
                cursor = runTime;
                known = run;
            }
            anchor = last.key();
        }
    }

    private void handle(PageEntry entry, PollerState state, Instant horizon, Page page) {
        String id = entry.id();
        SeenAlert prior = page.seen.containsKey(id) ? page.seen.get(id) : state.seen(id).orElse(null);
        if (prior != null && !prior.isOlderThan(entry.lastUpdateTime())) {
            if (prior.published()) {
                page.duplicates++;
            }
            return; // this version was handled before (the overlap, or a page read again)
        }
        if (!entry.readable()) {
            reject(entry.rawJson(), entry.rejectReason(), id, entry.lastUpdateTime(), prior, page);
            return;
        }
        DefenderAlert alert = entry.alert();
        try {
            if (prior == null && isForgotten(alert, horizon)) {
                page.reappeared++;
                page.seen.put(id, new SeenAlert(alert.severity(), alert.lastUpdateTime()));
            } else if (prior == null || !prior.published()) {
                page.events.add(withinLimit(AlertDetected.from(alert)));
                page.seen.put(id, new SeenAlert(alert.severity(), alert.lastUpdateTime()));
            } else if (alert.severity() != null && alert.severity().isHigherThan(prior.severity())) {
                page.events.add(withinLimit(AlertSeverityRaised.from(alert, prior.severity())));
                page.seen.put(id, new SeenAlert(alert.severity(), alert.lastUpdateTime()));
            } else {
                page.duplicates++;
                // Remember the newer version, so an alert that keeps changing is not forgotten.
                page.seen.put(id, new SeenAlert(prior.severity(), alert.lastUpdateTime()));
            }
        } catch (RuntimeException e) {
            reject(EventJson.toJson(alert), e.getMessage(), id, alert.lastUpdateTime(), prior, page);
        }
    }

    /** The event with its snapshot, or without when the alert's JSON exceeds {@code snapshotMaxBytes}. */
    private AlertNewEvent withinLimit(AlertNewEvent event) {
        int bytes = EventJson.toJson(event.alert()).getBytes(StandardCharsets.UTF_8).length;
        if (bytes <= snapshotMaxBytes) {
            return event;
        }
        LOG.infof("Alert %s is %d bytes of JSON, above poller.snapshot-max-bytes (%d): published without its "
                + "snapshot, enrichment reads it from Defender", event.alertId(), bytes, snapshotMaxBytes);
        return event.withoutAlert();
    }

    /** Dead-letters the alert, and remembers its version (when it has a usable id) so it is dead-lettered once. */
    private static void reject(String json, String reason, String id, Instant updated, SeenAlert prior, Page page) {
        page.rejected.add(new PollResult.RejectedAlert(json, reason == null ? "unreadable alert" : reason));
        if (id != null && updated != null && id.length() <= MAX_REJECTED_ID_LENGTH) {
            page.seen.put(id, new SeenAlert(prior == null ? null : prior.severity(), updated));
        }
    }

    private static boolean isForgotten(DefenderAlert alert, Instant horizon) {
        return horizon != null && alert.alertCreationTime() != null && alert.alertCreationTime().isBefore(horizon);
    }

    private Instant watermark(Optional<Instant> before, Instant newest, Instant pollStart, boolean lastPage) {
        Instant mark = before.orElse(null);
        if (newest != null) {
            mark = later(mark, newest.isAfter(pollStart) ? pollStart : newest);
        }
        if (lastPage) {
            // Everything visible when the poll started has been read: anything still unseen became visible later.
            mark = later(mark, pollStart.minus(overlap));
        }
        return mark;
    }

    private Set<String> forgettable(PollerState state, Instant watermark, Map<String, SeenAlert> keep) {
        Set<String> old = new HashSet<>(state.olderThan(watermark.minus(retention), MAX_FORGOTTEN_PER_POLL));
        old.removeAll(keep.keySet());
        return old;
    }

    private AlertQuery query(Instant cursor, int skip) {
        return AlertQuery.builder().lastUpdatedSince(cursor)
                .orderBy(AlertField.LAST_UPDATE_TIME, SortDirection.ASC)
                .top(pageSize).skip(skip).expandEvidence().build();
    }

    private static int indexOf(List<PageEntry> page, String key) {
        for (int i = 0; i < page.size(); i++) {
            if (key.equals(page.get(i).key())) {
                return i;
            }
        }
        return -1;
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    /** What one page produced so far. */
    private static final class Page {
        final List<AlertNewEvent> events = new ArrayList<>();
        final List<PollResult.RejectedAlert> rejected = new ArrayList<>();
        final Map<String, SeenAlert> seen = new LinkedHashMap<>();
        int duplicates;
        int reappeared;
    }

    /** Sums of a poll's pages. */
    private static final class Totals {
        int pages;
        int read;
        int published;
        int rejected;
        int duplicates;
        int forgotten;
        int reappeared;
        int restarts;

        void add(PollResult page) {
            read += page.alertsRead();
            published += page.events().size();
            rejected += page.rejected().size();
            duplicates += page.duplicates();
            forgotten += page.update().forgotten().size();
            reappeared += page.forgottenReappeared();
        }

        PollSummary summary() {
            return new PollSummary(pages, read, published, rejected, duplicates, forgotten, reappeared, restarts);
        }
    }
}
