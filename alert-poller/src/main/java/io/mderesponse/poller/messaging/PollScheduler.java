package io.mderesponse.poller.messaging;

import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.defender.client.DefenderClient;
import io.mderesponse.defender.client.error.DefenderApiException;
import io.mderesponse.defender.client.error.DefenderMalformedResponseException;
import io.mderesponse.poller.config.PollerConfig;
import io.mderesponse.poller.service.AlertPoller;
import io.mderesponse.poller.service.PollResult;
import io.mderesponse.poller.state.PollerState;
import io.mderesponse.poller.state.PollerStateStore;
import io.mderesponse.service.topics.TopicNames;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.common.KafkaException;
import org.jboss.logging.Logger;

/**
 * Runs a poll every {@code poller.interval}: reads the state from Kafka on the first run, asks Defender, and
 * publishes the result in one transaction. Only a committed transaction advances the in-memory state; a
 * failed poll changes nothing and the next one starts from the same watermark.
 */
@ApplicationScoped
public class PollScheduler {

    private static final Logger LOG = Logger.getLogger(PollScheduler.class);

    private final AlertPoller poller;
    private final PollerStateStore store;
    private final Map<String, Object> kafkaConfig;
    private final String alertsTopic;
    private final String deadLetterTopic;
    private final Clock clock = Clock.systemUTC();
    private final AtomicReference<Instant> lastSuccess = new AtomicReference<>();
    private PollerState state;
    private TransactionalPublisher publisher;

    public PollScheduler(DefenderClient defender, PollerConfig config, TopicNames names,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        if (config.pageSize() < 1 || config.pageSize() > 10_000) {
            throw new ConfigurationException("poller.page-size must be 1 to 10000 (Defender's maximum $top), not "
                    + config.pageSize(), Set.of("poller.page-size"));
        }
        this.poller = new AlertPoller(defender::listAlerts, config.overlap(), config.initialLookback(),
                config.pageSize());
        this.store = new PollerStateStore(names.nameOf(Topics.POLLER_STATE));
        this.kafkaConfig = kafkaConfig;
        this.alertsTopic = names.nameOf(Topics.ALERTS_NEW);
        this.deadLetterTopic = names.nameOf(Topics.ALERT_POLLER_DLQ);
    }

    @Scheduled(every = "${poller.interval}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pollOnce() {
        try {
            if (state == null) {
                publisher = publisher != null ? publisher
                        : new TransactionalPublisher(kafkaConfig, alertsTopic, deadLetterTopic, store);
                state = store.load(kafkaConfig);
                LOG.infof("Poller state loaded: watermark=%s, %d alerts already published",
                        state.watermark().map(Instant::toString).orElse("none"), state.seenCount());
            }
            PollResult result = poller.poll(state, clock.instant());
            publisher.publish(result);
            state.apply(result.update());
            lastSuccess.set(clock.instant());
            if (!result.events().isEmpty() || !result.rejected().isEmpty()) {
                LOG.infof("Poll published %d events (%d alerts read in %d pages, %d rejected), watermark=%s",
                        result.events().size(), result.alertsRead(), result.pages(), result.rejected().size(),
                        state.watermark().map(Instant::toString).orElse("none"));
            }
        } catch (DefenderMalformedResponseException e) {
            LOG.errorf("Defender's alert list could not be read (%s); it goes to %s, the watermark stays",
                    e.reason(), deadLetterTopic);
            publisher.deadLetter(e.getMessage(), e.reason());
        } catch (DefenderApiException | KafkaException e) {
            LOG.warnf("Poll failed, nothing advanced; the next poll starts from the same watermark: %s",
                    e.getMessage());
        }
    }

    /** When the last poll was committed; null before the first. */
    public Instant lastSuccess() {
        return lastSuccess.get();
    }

    void onStop(@Observes ShutdownEvent event) {
        if (publisher != null) {
            publisher.close();
        }
    }
}
