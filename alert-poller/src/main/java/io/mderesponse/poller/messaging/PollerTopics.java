package io.mderesponse.poller.messaging;

import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.service.topics.TopicNames;
import io.mderesponse.service.topics.TopicRequirements;
import io.mderesponse.service.topics.TopicSpec;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The topics the poller uses, created or verified at start; its state and leadership topics must have exactly
 * one partition (a standby takes over by being assigned the leadership topic's only partition).
 */
@ApplicationScoped
public class PollerTopics implements TopicRequirements {

    @Override
    public List<TopicSpec> topics(TopicNames names) {
        return List.of(
                TopicSpec.of(Topics.ALERTS_NEW, names),
                TopicSpec.of(Topics.ALERT_POLLER_DLQ, names),
                TopicSpec.of(Topics.POLLER_STATE, names),
                TopicSpec.of(Topics.POLLER_LEADERSHIP, names));
    }
}
