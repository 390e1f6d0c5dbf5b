package io.mderesponse.response.service;

import io.mderesponse.contracts.event.FinalStatus;
import io.mderesponse.defender.client.error.DefenderApiException;
import io.mderesponse.defender.client.model.MachineAction;
import io.mderesponse.defender.client.model.MachineActionStatus;
import io.mderesponse.response.state.RequestProgress;
import io.mderesponse.service.observability.RecordContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.common.KafkaException;
import org.jboss.logging.Logger;

/**
 * Follows machine actions (of every kind) in the background, so no request holds its partition while Defender works: each action
 * is read with a doubling pause ({@code response.poll-initial} to {@code response.poll-max}) until Defender
 * reports it final or until {@code response.action-timeout} after the action became known (kept in Kafka, so a
 * restart does not extend it), which is a {@code TimeOut} with the reason. Then its result is completed (published and recorded).
 */
public final class ActionTracker {

    private static final Logger LOG = Logger.getLogger(ActionTracker.class);

    private final ActionReader defender;
    private final RequestCompletion completion;
    private final ScheduledExecutorService executor;
    private final Duration timeout;
    private final Backoff backoff;
    private final Clock clock;
    private final Predicate<UUID> completed;
    private final Map<UUID, Tracked> tracked = new ConcurrentHashMap<>();

    /** Reads one action; {@code DefenderActions::get}. */
    @FunctionalInterface
    public interface ActionReader {
        MachineAction get(String machineActionId);
    }

    /** @param completed whether a request's result is out already (read from the state, which may be newer) */
    public ActionTracker(ActionReader defender, RequestCompletion completion, Predicate<UUID> completed,
            ScheduledExecutorService executor, Duration timeout, Duration initialPause, Duration maxPause,
            Clock clock) {
        this.defender = defender;
        this.completed = completed;
        this.completion = completion;
        this.executor = executor;
        this.timeout = timeout;
        this.backoff = new Backoff(initialPause, maxPause);
        this.clock = clock;
    }

    /** Follows the request's action unless it is followed already or its result is out. */
    public void track(RequestProgress progress) {
        if (completed.test(progress.requestId())) {
            return;
        }
        Tracked fresh = new Tracked(progress);
        if (tracked.putIfAbsent(progress.requestId(), fresh) == null) {
            schedule(fresh, backoff.delay(0));
        }
    }

    public int trackedCount() {
        return tracked.size();
    }

    private void poll(Tracked t) {
        MachineAction action = null;
        try {
            action = defender.get(t.progress.machineActionId());
            t.lastSeen = action.status();
            t.lastProblem = null;
        } catch (DefenderApiException e) {
            // Keep following: a throttled or failing read says nothing about the action.
            t.lastProblem = e.getMessage();
            LOG.warnf("Could not read machine action %s of request=%s; following it still: %s",
                    t.progress.machineActionId(), t.progress.requestId(), e.getMessage());
        }
        if (action != null && action.status().isFinal()) {
            finish(t, ActionResults.finalStatusOf(action), ActionResults.reasonOf(action));
            return;
        }
        Instant deadline = t.progress.trackedSince().plus(timeout);
        Instant now = clock.instant();
        if (!now.isBefore(deadline)) {
            finish(t, FinalStatus.TimeOut,
                    ActionResults.localTimeoutReason(t.lastSeen, timeout, t.lastProblem));
            return;
        }
        Duration pause = backoff.delay(++t.reads);
        Duration left = Duration.between(now, deadline);
        schedule(t, pause.compareTo(left) <= 0 ? pause : left);
    }

    private void finish(Tracked t, FinalStatus status, String reason) {
        t.finishing = true;
        t.status = status;
        t.reason = reason;
        try {
            if (completed.test(t.progress.requestId())) {
                tracked.remove(t.progress.requestId());
                return;
            }
            completion.complete(t.progress.action(), t.progress.machineActionId(), status, reason,
                    t.progress.requestedAt());
            tracked.remove(t.progress.requestId());
        } catch (KafkaException e) {
            LOG.warnf("Could not publish the result of request=%s (action %s, %s); trying again: %s",
                    t.progress.requestId(), t.progress.machineActionId(), status, e.getMessage());
            schedule(t, backoff.max());
        }
    }

    private void run(Tracked t) {
        try {
            if (t.finishing) {
                finish(t, t.status, t.reason);
            } else {
                poll(t);
            }
        } catch (RuntimeException e) {
            // A bug must not end tracking silently: log it and try again later.
            LOG.errorf(e, "Following machine action %s of request=%s failed; trying again",
                    t.progress.machineActionId(), t.progress.requestId());
            schedule(t, backoff.max());
        }
    }

    private void schedule(Tracked t, Duration delay) {
        try {
            // In the request's log and trace context: what following it logs and publishes stays with the request.
            executor.schedule(RecordContext.carry(t.progress.action().event(), () -> run(t)), Math.max(0, delay.toMillis()),
                    TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Shutting down: the action stays TRACKING in Kafka and is followed again after the restart.
            tracked.remove(t.progress.requestId());
        }
    }

    /** One followed action; touched by one scheduled task at a time. */
    private static final class Tracked {
        final RequestProgress progress;
        volatile int reads;
        volatile MachineActionStatus lastSeen;
        volatile String lastProblem;
        volatile boolean finishing;
        volatile FinalStatus status;
        volatile String reason;

        Tracked(RequestProgress progress) {
            this.progress = progress;
        }
    }
}
