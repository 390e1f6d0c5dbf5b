package io.mderesponse.notifier.messaging;

import io.mderesponse.contracts.topic.Services;
import io.mderesponse.notifier.config.NotifierConfig;
import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.service.topics.TopicNames;
import io.mderesponse.service.topics.TopicRequirements;
import io.mderesponse.service.topics.TopicSpec;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The topics the notifier reads, their dead letter topics, and its sent-log, created or verified at start. */
@ApplicationScoped
public class NotifierTopics implements TopicRequirements {

    private final NotifierConfig config;

    public NotifierTopics(NotifierConfig config) {
        this.config = config;
    }

    @Override
    public List<TopicSpec> topics(TopicNames names) {
        return List.of(
                TopicSpec.of(Topics.ACTIONS_RESULTS, names),
                TopicSpec.deadLetter(Topics.dlq(names.nameOf(Topics.ACTIONS_RESULTS), Services.NOTIFIER)),
                TopicSpec.of(Topics.RESPONSE_ACTIONS_RESULTS, names),
                TopicSpec.deadLetter(Topics.dlq(names.nameOf(Topics.RESPONSE_ACTIONS_RESULTS), Services.NOTIFIER)),
                TopicSpec.of(Topics.DECISIONS, names),
                TopicSpec.deadLetter(Topics.dlq(names.nameOf(Topics.DECISIONS), Services.NOTIFIER)),
                // The sent-log: compacted, exactly one partition (read whole as a table at start).
                new TopicSpec(config.sentLogTopic(), Topics.NOTIFIER_SENT_LOG.partitions(),
                        Topics.NOTIFIER_SENT_LOG.compacted(), true));
    }
}
