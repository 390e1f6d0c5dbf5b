package io.mderesponse.hunting.messaging;

import io.mderesponse.contracts.access.KafkaAccess;
import io.mderesponse.contracts.topic.Services;
import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.hunting.config.HuntingConfig;
import io.mderesponse.hunting.metrics.HuntingMetrics;
import io.mderesponse.hunting.service.HuntingRuns;
import io.mderesponse.hunting.service.RunResult;
import io.mderesponse.hunting.state.HuntingState;
import io.mderesponse.hunting.state.HuntingStateStore;
import io.mderesponse.service.leadership.PartitionLeadership;
import io.mderesponse.service.observability.RecordTracing;
import io.mderesponse.service.topics.TopicNames;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.KafkaException;
import org.jboss.logging.Logger;

/**
 * Checks every {@code hunting.tick} which queries are due and runs them, on the active replica only (the one
 * assigned the single partition of {@code defender.internal.hunting.leadership}). Becoming active first creates the
 * transactional producer (fencing a former leader and ending its open transaction), then reads the state, so it
 * sees every row any former leader committed. A Kafka failure closes the producer and drops the state; the next
 * tick starts over from what Kafka committed, and the run that failed is still due.
 */
@ApplicationScoped
public class HuntingLoop {

    public static final String LEADERSHIP_GROUP = KafkaAccess.leadershipGroup(Services.HUNTING_SCHEDULER);
    private static final Logger LOG = Logger.getLogger(HuntingLoop.class);

    private final HuntingRuns runs;
    private final HuntingStateStore store;
    private final Map<String, Object> kafkaConfig;
    private final String resultsTopic;
    private final PartitionLeadership leadership;
    private final RecordTracing tracing;
    private final Clock clock = Clock.systemUTC();
    private volatile HuntingState state;
    private TransactionalRowPublisher publisher;

    public HuntingLoop(HuntingRuns runs, HuntingConfig config, TopicNames names, HuntingMetrics metrics,
            RecordTracing tracing, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.runs = runs;
        this.store = new HuntingStateStore(names.nameOf(Topics.HUNTING_SEEN_ROWS));
        this.kafkaConfig = kafkaConfig;
        this.resultsTopic = names.nameOf(Topics.HUNTING_RESULTS);
        this.leadership = new PartitionLeadership(kafkaConfig, names.nameOf(Topics.HUNTING_LEADERSHIP),
                LEADERSHIP_GROUP, config.sessionTimeout(), "hunting scheduler");
        this.tracing = tracing;
        metrics.activeGauge(leadership::isActive);
        metrics.seenRowsGauge(() -> {
            HuntingState current = state;
            return current == null ? 0 : current.seenCount();
        });
    }

    void onStart(@Observes StartupEvent event) {
        if (!runs.queries().isEmpty()) {
            leadership.start();
        }
    }

    @Scheduled(every = "${hunting.tick}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void tick() {
        if (!leadership.isActive()) {
            standBy();
            return;
        }
        try {
            prepare();
            runs.tick(state, clock.instant(), this::commit);
        } catch (KafkaException e) {
            LOG.warnf("Kafka failed during a hunting run (%s: %s); closing the producer, the state is read again "
                    + "and the run is tried again", e.getClass().getSimpleName(), e.getMessage());
            close(false);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Hunting run failed; the state is read again before the next one");
            close(false);
        }
    }

    private void prepare() {
        if (publisher == null) {
            publisher = new TransactionalRowPublisher(kafkaConfig, resultsTopic, store, tracing);
            state = null;
        }
        if (state == null) {
            state = store.load(kafkaConfig);
            LOG.infof("Active hunting scheduler: state loaded, %d rows remembered", state.seenCount());
        }
    }

    private void commit(RunResult result) {
        publisher.publish(result);
    }

    private void standBy() {
        if (publisher != null || state != null) {
            LOG.info("Standing by: another replica runs the hunting queries");
            close(true);
        }
    }

    private void close(boolean gracefully) {
        if (publisher != null) {
            publisher.close(gracefully);
        }
        publisher = null;
        state = null;
    }

    /** For health: the queries, the role, the pause. */
    public HuntingRuns runs() {
        return runs;
    }

    public boolean isActive() {
        return leadership.isActive();
    }

    /** When each query runs next, on the active replica; empty on a standby. */
    public Map<String, Instant> nextRuns() {
        HuntingState current = state;
        if (current == null) {
            return Map.of();
        }
        Map<String, Instant> next = new java.util.TreeMap<>();
        runs.queries().forEach(q -> next.put(q.id(), runs.dueAt(q, current)));
        return next;
    }

    void onStop(@Observes ShutdownEvent event) {
        leadership.close();
        synchronized (this) {
            close(true);
        }
    }
}
