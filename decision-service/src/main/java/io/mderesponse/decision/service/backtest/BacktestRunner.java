package io.mderesponse.decision.service.backtest;

import io.mderesponse.contracts.event.EnrichedEvent;
import io.mderesponse.contracts.serde.EnrichedEventDeserializer;
import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.decision.config.RulesConfig;
import io.mderesponse.decision.messaging.RetainedTopic;
import io.mderesponse.decision.service.rules.RuleSet;
import io.mderesponse.service.topics.TopicNames;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.jboss.logging.Logger;

/**
 * Runs a candidate rule set over the retained {@code topics.alerts-enriched} topic; one back-test at a time, so
 * an impatient operator cannot stack full topic reads on a small service, each within
 * {@code rules.backtest.timeout}, {@code max-records} and {@code max-machines}.
 */
@ApplicationScoped
public class BacktestRunner {

    private static final Logger LOG = Logger.getLogger(BacktestRunner.class);

    private final RetainedTopic retained;
    private final String topic;
    private final RulesConfig.Backtest limits;
    private final Semaphore oneAtATime = new Semaphore(1);

    public BacktestRunner(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, TopicNames names,
            RulesConfig config) {
        this.retained = new RetainedTopic(kafkaConfig, Clock.systemUTC());
        this.topic = names.nameOf(Topics.ALERTS_ENRICHED);
        this.limits = config.backtest();
    }

    /** The report; empty when another back-test is running. */
    public Optional<BacktestReport> run(RuleSet candidate) {
        if (!oneAtATime.tryAcquire()) {
            return Optional.empty();
        }
        try {
            Backtest backtest = new Backtest(candidate, limits.maxMachines());
            EnrichedEventDeserializer deserializer = new EnrichedEventDeserializer();
            RetainedTopic.Result read = retained.read(topic, limits.maxRecords(), limits.timeout(), record -> {
                EnrichedEvent event;
                try {
                    event = deserializer.deserialize(record.topic(), record.headers(), record.value());
                } catch (RuntimeException e) {
                    event = null;
                }
                if (event == null) {
                    backtest.addUnreadable();
                } else {
                    backtest.add(event);
                }
            });
            BacktestReport report = backtest.report(topic, read.records(), read.complete(), read.incompleteBecause());
            LOG.infof("Back-test of rules version %s over %s: %d records, complete=%s, %d machines would be isolated",
                    candidate.version(), topic, read.records(), read.complete(), report.wouldIsolate().size());
            return Optional.of(report);
        } finally {
            oneAtATime.release();
        }
    }
}
