package io.mderesponse.response.config;

import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.defender.client.DefenderClient;
import io.mderesponse.response.defender.DefenderActions;
import io.mderesponse.response.defender.DefenderClientActions;
import io.mderesponse.response.service.ActionResults;
import io.mderesponse.response.service.ActionTracker;
import io.mderesponse.response.service.ConsumptionControl;
import io.mderesponse.response.service.DefenderAccess;
import io.mderesponse.response.service.RequestCompletion;
import io.mderesponse.response.service.RequestHandler;
import io.mderesponse.response.service.RequestProcessor;
import io.mderesponse.response.service.ResponseMetrics;
import io.mderesponse.response.service.ResultPublisher;
import io.mderesponse.response.state.RequestProgress;
import io.mderesponse.response.state.ResponseState;
import io.mderesponse.response.state.ResponseStateStore;
import io.mderesponse.service.topics.TopicNames;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Builds the plain service classes from configuration and the Kafka adapters, loads the state from Kafka before
 * the first request is read, and resumes following the actions that were followed before the restart.
 */
@Singleton
public class ResponseWiring {

    private static final Logger LOG = Logger.getLogger(ResponseWiring.class);
    /** How long a state write may wait for the broker's acknowledgement. */
    static final Duration STATE_WRITE_TIMEOUT = Duration.ofSeconds(30);
    /** Threads that follow actions and retry held requests; each read is one short HTTP call. */
    static final int THREADS = 2;

    /** How often completed requests past {@code response.completed-retention} are removed. */
    static final Duration RETENTION_SWEEP_INTERVAL = Duration.ofMinutes(1);

    /** How long a stop waits for a poll or completion in progress. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final ScheduledThreadPoolExecutor executor;
    private final ResponseStateStore store;
    private final ActionTracker tracker;
    private final RequestProcessor processor;
    private final DefenderAccess access = new DefenderAccess();

    ResponseWiring(DefenderClient client, ResponseConfig config, TopicNames names,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, ResultPublisher publisher,
            ConsumptionControl consumption, ResponseMetrics metrics) {
        Clock clock = Clock.systemUTC();
        this.executor = new ScheduledThreadPoolExecutor(THREADS, threads());
        this.store = new ResponseStateStore(kafkaConfig, names.nameOf(Topics.RESPONSE_INTENTS),
                names.nameOf(Topics.RESPONSE_REQUEST_ACTIONS), STATE_WRITE_TIMEOUT, config.completedRetention(), clock);
        DefenderActions defender = new DefenderClientActions(client);
        RequestCompletion completion = new RequestCompletion(new ActionResults(clock), publisher, store, metrics,
                clock);
        ResponseState state = store.state();
        this.tracker = new ActionTracker(defender::get, completion,
                requestId -> state.progress(requestId).map(RequestProgress::isCompleted).orElse(false), executor,
                config.actionTimeout(),
                config.pollInitial(), config.pollMax(), clock);
        RequestHandler handler = new RequestHandler(store.state(), store::catchUp, store, defender, tracker::track,
                completion, config.inFlightGrace(), config.orderWait(), metrics, clock);
        this.processor = new RequestProcessor(handler, executor, consumption, access, config.retryInitial(),
                config.retryMax(), clock);
    }

    @Produces
    @Singleton
    RequestProcessor processor() {
        return processor;
    }

    @Produces
    @Singleton
    DefenderAccess access() {
        return access;
    }

    /** After the topics are ready (PLATFORM_BEFORE) and before messaging reads the first request. */
    void loadState(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 100) StartupEvent event) {
        store.load();
        LOG.infof("Response state loaded: %s", store.state().summary());
        store.sweepEvery(RETENTION_SWEEP_INTERVAL);
    }

    /** Once the channels are connected, so results can be published: follow the actions followed before. */
    void resumeTracking(@Observes StartupEvent event) {
        store.state().tracking().forEach(tracker::track);
        if (tracker.trackedCount() > 0) {
            LOG.infof("Following %d machine actions again after the restart", tracker.trackedCount());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        // A completion in progress (result published, its COMPLETED entry not yet written) must finish, or the
        // successor would publish the result again; polls and retries not started are dropped (the successor
        // resumes them from the state topic and the uncommitted records).
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("Response tracking still busy after %s; stopping it", STOP_TIMEOUT);
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
        store.close();
    }

    private static ThreadFactory threads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "response-tracking-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
