package io.mderesponse.hunting.service;

import io.mderesponse.contracts.event.HuntingRowFound;
import io.mderesponse.contracts.id.DefenderIds;
import io.mderesponse.defender.client.error.DefenderApiException;
import io.mderesponse.defender.client.error.DefenderBadRequestException;
import io.mderesponse.defender.client.error.DefenderThrottledException;
import io.mderesponse.hunting.service.query.HuntingQuery;
import io.mderesponse.hunting.state.HuntingState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Decides which queries are due and runs them, one at a time, in file order (plain Java; the Kafka side is a
 * {@code Consumer<RunResult>} that commits a transaction or throws).
 *
 * <ul>
 *   <li><b>When.</b> A query is due at its schedule's next time after its last successful run (immediately before
 *       its first). A run that Defender refused as a bad request (a KQL error, a result above the allowed size) is
 *       tried at the following scheduled time; one that failed otherwise after {@code failureBackoff}.</li>
 *   <li><b>How far back.</b> Each run looks back {@code lookback}, or to the start of the last successful run if
 *       that is longer ago (after a pause, a failure, a restart or a switch of API), at most 30 days: no time range
 *       is skipped. The window (now minus that look-back, to now) goes to the API as well: Graph searches only it
 *       (its {@code Timespan}), the KQL's {@code ago()} says it to both.</li>
 *   <li><b>Throttling.</b> A 429 (CPU quota or call count; body says which) or this process's budget running out
 *       pauses all hunting until Retry-After (else {@code quotaPause}); the throttled query stays due and runs first
 *       when the pause ends, so no run is lost.</li>
 *   <li><b>Rows.</b> Each row's values are put in their canonical form by column type ({@link RowValues}), so the
 *       row reads the same whichever API answered; it gets its {@link RowKeys row key} from those values; keys
 *       published before are skipped.</li>
 * </ul>
 */
public final class HuntingRuns {

    private static final Logger LOG = Logger.getLogger(HuntingRuns.class);
    /** Forgotten row keys written per run at most, so one transaction stays small. */
    static final int MAX_FORGOTTEN_PER_RUN = 5_000;

    private final List<HuntingQuery> queries;
    private final HuntingQueries hunting;
    private final Duration seenRetention;
    private final Duration failureBackoff;
    private final Duration quotaPause;
    private final HuntingListener listener;
    private final Map<String, Instant> nextAttempt = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Instant pausedUntil;
    private volatile PauseReason pauseReason;

    /** @param hunting runs one KQL query over a window through the configured API (the defender-client call) */
    public HuntingRuns(List<HuntingQuery> queries, HuntingQueries hunting,
            Duration seenRetention, Duration failureBackoff, Duration quotaPause, HuntingListener listener) {
        this.queries = List.copyOf(queries);
        this.hunting = hunting;
        this.seenRetention = seenRetention;
        this.failureBackoff = failureBackoff;
        this.quotaPause = quotaPause;
        this.listener = listener;
        for (HuntingQuery query : queries) {
            if (query.lookback().compareTo(seenRetention) >= 0) {
                throw new IllegalArgumentException("query " + query.id() + ": lookback " + query.lookback()
                        + " must be shorter than hunting.seen-retention " + seenRetention
                        + ", or rows would be published again");
            }
        }
    }

    public List<HuntingQuery> queries() {
        return queries;
    }

    /** Runs every due query unless hunting is paused; each successful run is handed to {@code commit}. */
    public void tick(HuntingState state, Instant now, Consumer<RunResult> commit) {
        if (pausedUntil != null) {
            if (now.isBefore(pausedUntil)) {
                return;
            }
            LOG.infof("Advanced hunting resumes (it was paused because %s)", pauseReason.explanation());
            pausedUntil = null;
            pauseReason = null;
            listener.resumed();
        }
        for (HuntingQuery query : queries) {
            if (dueAt(query, state).isAfter(now)) {
                continue;
            }
            if (!run(query, state, now, commit)) {
                return; // paused
            }
        }
    }

    /** When the query runs next. */
    public Instant dueAt(HuntingQuery query, HuntingState state) {
        Instant retry = nextAttempt.get(query.id());
        if (retry != null) {
            return retry;
        }
        return state.lastSuccess(query.id()).map(query.schedule()::next).orElse(Instant.MIN);
    }

    /** Until when hunting is paused; null when it is not. */
    public Instant pausedUntil() {
        return pausedUntil;
    }

    public PauseReason pauseReason() {
        return pauseReason;
    }

    /** False when the run was throttled and hunting is now paused. */
    private boolean run(HuntingQuery query, HuntingState state, Instant now, Consumer<RunResult> commit) {
        Duration lookback = effectiveLookback(query, state, now);
        List<Map<String, Object>> rows;
        try {
            HuntingAnswer answer = hunting.run(query.kqlFor(lookback), now.minus(lookback), now);
            rows = answer.rows().stream().map(row -> RowValues.normalise(answer.columnTypes(), row)).toList();
        } catch (DefenderThrottledException e) {
            pause(query, PauseReason.of(e), now, e);
            listener.ran(query.id(), "throttled");
            return false;
        } catch (DefenderBadRequestException e) {
            Instant next = query.schedule().next(now);
            LOG.errorf("Hunting query %s was refused by the hunting API (%s); it runs again at %s, looking back to its "
                    + "last successful run", query.id(), e.getMessage(), next);
            nextAttempt.put(query.id(), next);
            listener.ran(query.id(), "rejected");
            return true;
        } catch (DefenderApiException e) {
            Instant next = now.plus(failureBackoff);
            LOG.warnf("Hunting query %s failed (%s); it is tried again at %s", query.id(), e.getMessage(), next);
            nextAttempt.put(query.id(), next);
            listener.ran(query.id(), "failed");
            return true;
        }
        RunResult result = result(query, state, now, rows);
        commit.accept(result); // throws when Kafka did not commit: nothing below happens, the run stays due
        state.apply(result.update());
        nextAttempt.remove(query.id());
        listener.ran(query.id(), "success");
        listener.committed(result);
        if (!result.rows().isEmpty()) {
            LOG.infof("Hunting query %s: %d new rows published (%d read, %d seen before, %d without a device id), "
                    + "looked back %s", query.id(), result.rows().size(), result.rowsRead(), result.duplicates(),
                    result.withoutDevice(), lookback);
        }
        return true;
    }

    private Duration effectiveLookback(HuntingQuery query, HuntingState state, Instant now) {
        Duration lookback = query.lookback();
        Instant last = state.lastSuccess(query.id()).orElse(null);
        if (last != null && Duration.between(last, now).compareTo(lookback) > 0) {
            lookback = Duration.between(last, now);
        }
        return lookback.compareTo(HuntingQuery.MAX_LOOKBACK) > 0 ? HuntingQuery.MAX_LOOKBACK : lookback;
    }

    private void pause(HuntingQuery query, PauseReason reason, Instant now, DefenderThrottledException e) {
        Duration pause = e.retryAfter().filter(d -> !d.isZero() && !d.isNegative()).orElse(quotaPause);
        pausedUntil = now.plus(pause);
        pauseReason = reason;
        LOG.warnf("Advanced hunting paused until %s: %s (query %s, %s). The query runs first when the pause ends.",
                pausedUntil, reason.explanation(), query.id(), e.getMessage());
        listener.paused(reason, pausedUntil);
    }

    private RunResult result(HuntingQuery query, HuntingState state, Instant now, List<Map<String, Object>> rows) {
        List<HuntingRowFound> found = new ArrayList<>();
        Map<String, Instant> seen = new HashMap<>();
        Set<String> inThisRun = new HashSet<>();
        int duplicates = 0;
        int withoutDevice = 0;
        int invalidDevice = 0;
        for (Map<String, Object> row : rows) {
            String rowKey = RowKeys.of(query, row);
            if (state.seen(rowKey) || !inThisRun.add(rowKey)) {
                duplicates++;
                continue;
            }
            Object device = row.get(query.deviceIdColumn());
            String deviceId = null;
            if (device instanceof String text && DefenderIds.isValidMachineId(text)) {
                deviceId = text;
            } else {
                withoutDevice++;
                if (device != null) {
                    invalidDevice++;
                }
            }
            found.add(HuntingRowFound.of(query.id(), now, rowKey, deviceId, row));
            seen.put(rowKey, now);
        }
        if (invalidDevice > 0) {
            LOG.warnf("Hunting query %s: %d new rows have a %s that is not a 40-hex device id; they are published "
                    + "without one and never acted on", query.id(), invalidDevice, query.deviceIdColumn());
        }
        Set<String> forgotten = new HashSet<>(state.seenBefore(now.minus(seenRetention), MAX_FORGOTTEN_PER_RUN));
        return new RunResult(query.id(), found,
                new HuntingState.Update(seen, forgotten, Map.of(query.id(), now)), rows.size(), duplicates,
                withoutDevice);
    }
}
