package io.mderesponse.response.messaging;

import io.mderesponse.contracts.topic.Services;
import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.service.topics.TopicNames;
import io.mderesponse.service.topics.TopicRequirements;
import io.mderesponse.service.topics.TopicSpec;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The topics the response service reads and writes, created or verified at start: requests in (isolation and
 * the other kinds), results out (the same two), the requests' dead letters, and its two compacted state topics (one partition each: every instance reads them
 * whole).
 */
@ApplicationScoped
public class ResponseTopics implements TopicRequirements {

    @Override
    public List<TopicSpec> topics(TopicNames names) {
        return List.of(
                TopicSpec.of(Topics.ACTIONS_REQUESTED, names),
                TopicSpec.deadLetter(Topics.dlq(names.nameOf(Topics.ACTIONS_REQUESTED), Services.RESPONSE)),
                TopicSpec.of(Topics.ACTIONS_RESULTS, names),
                TopicSpec.of(Topics.RESPONSE_ACTIONS_REQUESTED, names),
                TopicSpec.deadLetter(Topics.dlq(names.nameOf(Topics.RESPONSE_ACTIONS_REQUESTED), Services.RESPONSE)),
                TopicSpec.of(Topics.RESPONSE_ACTIONS_RESULTS, names),
                TopicSpec.of(Topics.RESPONSE_INTENTS, names),
                TopicSpec.of(Topics.RESPONSE_REQUEST_ACTIONS, names));
    }
}
