package io.mderesponse.hunting.messaging;

import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.service.topics.TopicNames;
import io.mderesponse.service.topics.TopicRequirements;
import io.mderesponse.service.topics.TopicSpec;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The scheduler's topics, created or verified at start; state and leadership must have exactly one partition. */
@ApplicationScoped
public class HuntingTopics implements TopicRequirements {

    @Override
    public List<TopicSpec> topics(TopicNames names) {
        return List.of(
                TopicSpec.of(Topics.HUNTING_RESULTS, names),
                TopicSpec.of(Topics.HUNTING_SEEN_ROWS, names),
                TopicSpec.of(Topics.HUNTING_LEADERSHIP, names));
    }
}
