package io.mderesponse.poller.messaging;

import io.mderesponse.contracts.access.KafkaAccess;
import io.mderesponse.contracts.topic.Services;
import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.defender.client.error.DefenderApiException;
import io.mderesponse.poller.config.PollerConfig;
import io.mderesponse.poller.defender.MalformedAlertListException;
import io.mderesponse.poller.metrics.PollerMetrics;
import io.mderesponse.poller.service.AlertPoller;
import io.mderesponse.poller.service.PollResult;
import io.mderesponse.poller.service.PollSummary;
import io.mderesponse.poller.service.PollerStatus;
import io.mderesponse.poller.state.PollerState;
import io.mderesponse.poller.state.PollerStateStore;
import io.mderesponse.service.leadership.PartitionLeadership;
import io.mderesponse.service.observability.RecordTracing;
import io.mderesponse.service.topics.TopicNames;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ProcessingException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.common.KafkaException;
import org.jboss.logging.Logger;

/**
 * Runs a poll every {@code poller.interval} on the active replica only. Becoming active creates the
 * transactional producer (which fences any former leader's producer and ends its open transaction) and only
 * then reads the state, so the state read includes everything any earlier leader committed. Each page of a
 * poll is committed with its state in one transaction; the in-memory state moves only after a commit.
 *
 * <p>A Kafka failure (a fenced producer, a commit in doubt after a broker restart) closes the producer and
 * drops the in-memory state: the next poll creates a new producer and reads the state again, which resolves
 * any doubt. A failed Defender call changes nothing; the next poll starts from the same watermark.
 */
@ApplicationScoped
public class PollScheduler {

    private static final Logger LOG = Logger.getLogger(PollScheduler.class);
    /** The replicas' consumer group on the leadership topic; kept stable across versions. */
    public static final String LEADERSHIP_GROUP = KafkaAccess.leadershipGroup(Services.ALERT_POLLER);

    private final AlertPoller poller;
    private final PollerStateStore store;
    private final Map<String, Object> kafkaConfig;
    private final String alertsTopic;
    private final String deadLetterTopic;
    private final PartitionLeadership leadership;
    private final PollerMetrics metrics;
    private final PollerStatus status;
    private final RecordTracing tracing;
    private final Clock clock = Clock.systemUTC();
    private PollerState state;
    private TransactionalPublisher publisher;
    private int lastDeadLetteredAnswer;

    public PollScheduler(AlertPoller poller, PollerConfig config, TopicNames names, PollerMetrics metrics,
            PollerStatus status, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            RecordTracing tracing) {
        this.poller = poller;
        this.store = new PollerStateStore(names.nameOf(Topics.POLLER_STATE));
        this.kafkaConfig = kafkaConfig;
        this.alertsTopic = names.nameOf(Topics.ALERTS_NEW);
        this.deadLetterTopic = names.nameOf(Topics.ALERT_POLLER_DLQ);
        this.leadership = new PartitionLeadership(kafkaConfig, names.nameOf(Topics.POLLER_LEADERSHIP),
                LEADERSHIP_GROUP, config.sessionTimeout(), "poller");
        this.metrics = metrics;
        this.status = status;
        this.tracing = tracing;
        metrics.activeGauge(leadership::isActive);
    }

    void onStart(@Observes StartupEvent event) {
        leadership.start();
    }

    @Scheduled(every = "${poller.interval}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pollOnce() {
        if (!leadership.isActive()) {
            standBy();
            return;
        }
        Instant start = clock.instant();
        status.pollStarted(start);
        Timer.Sample sample = metrics.startPoll();
        boolean success = false;
        try {
            prepare();
            PollSummary summary = poller.poll(state, start, this::commit);
            success = true;
            if (summary.published() > 0 || summary.rejected() > 0 || summary.forgotten() > 0
                    || summary.restarts() > 0) {
                LOG.infof("Poll published %d events (%d alerts read in %d pages, %d rejected, %d duplicates, "
                        + "%d ids forgotten, %d restarts), watermark=%s", summary.published(), summary.alertsRead(),
                        summary.pages(), summary.rejected(), summary.duplicates(), summary.forgotten(),
                        summary.restarts(), state.watermark().map(Instant::toString).orElse("none"));
            }
        } catch (MalformedAlertListException e) {
            metrics.apiError("malformed", "MalformedAlertList");
            deadLetterOnce(e);
        } catch (DefenderApiException e) {
            metrics.apiError(Integer.toString(e.httpStatus()), e.getClass().getSimpleName());
            LOG.warnf("Poll failed, the next poll starts from the committed watermark: %s", e.getMessage());
        } catch (WebApplicationException | ProcessingException e) {
            metrics.apiError(e instanceof WebApplicationException web ? Integer.toString(web.getResponse().getStatus())
                    : "0", e.getClass().getSimpleName());
            LOG.warnf("Reading a malformed page again failed; the next poll starts over: %s", e.getMessage());
        } catch (KafkaException e) {
            LOG.warnf("Kafka failed during the poll (%s: %s); closing the producer, the state is read again "
                    + "before the next poll", e.getClass().getSimpleName(), e.getMessage());
            reset();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Poll failed; the state is read again before the next poll");
            reset();
        } finally {
            metrics.pollEnded(sample, success);
            status.pollEnded(clock.instant(), success);
            if (state != null) {
                status.state(state.watermark(), state.seenCount());
            }
        }
    }

    private void prepare() {
        if (publisher == null) {
            // First the producer: its initTransactions fences a former leader and completes its transaction.
            publisher = new TransactionalPublisher(kafkaConfig, alertsTopic, deadLetterTopic, store, tracing);
            state = null;
        }
        if (state == null) {
            state = store.load(kafkaConfig);
            LOG.infof("Active poller: state loaded, watermark=%s, %d alerts remembered",
                    state.watermark().map(Instant::toString).orElse("none"), state.seenCount());
        }
    }

    private void commit(PollResult page) {
        publisher.publish(page);
        metrics.committed(page);
    }

    private void deadLetterOnce(MalformedAlertListException e) {
        int answer = (e.reason() + e.body()).hashCode();
        if (answer == lastDeadLetteredAnswer) {
            LOG.warnf("Defender's alert list is still unreadable (%s); already dead-lettered", e.reason());
            return;
        }
        LOG.errorf("Defender's alert list could not be read (%s); it goes to %s, the watermark stays", e.reason(),
                deadLetterTopic);
        try {
            publisher.deadLetter(e.body(), e.reason());
            lastDeadLetteredAnswer = answer;
            metrics.deadLettered();
        } catch (KafkaException kafka) {
            LOG.warnf("Could not dead-letter the answer: %s", kafka.getMessage());
            reset();
        }
    }

    /** Not (or no longer) the active replica: let go of the producer and the state. */
    private void standBy() {
        if (publisher != null || state != null) {
            LOG.info("Standing by: another replica polls");
            close(true);
        }
    }

    private void reset() {
        metrics.producerReset();
        close(false);
    }

    private void close(boolean gracefully) {
        if (publisher != null) {
            publisher.close(gracefully);
        }
        publisher = null;
        state = null;
    }

    /** Since when this replica polls; null on a standby. */
    public Instant activeSince() {
        return leadership.activeSince();
    }

    public boolean leadershipRunning() {
        return leadership.isRunning();
    }

    void onStop(@Observes ShutdownEvent event) {
        leadership.close();
        synchronized (this) {
            close(true);
        }
    }
}
