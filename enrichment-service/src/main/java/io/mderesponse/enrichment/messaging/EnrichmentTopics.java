package io.mderesponse.enrichment.messaging;

import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.service.topics.TopicNames;
import io.mderesponse.service.topics.TopicRequirements;
import io.mderesponse.service.topics.TopicSpec;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * The topics the enrichment service reads and writes, created or verified at start. The dead letter and retry
 * topics of its channels come from their configuration ({@code service-common}'s {@code DeadLetterTopics}).
 */
@ApplicationScoped
public class EnrichmentTopics implements TopicRequirements {

    @Override
    public List<TopicSpec> topics(TopicNames names) {
        return List.of(
                TopicSpec.of(Topics.ALERTS_NEW, names),
                TopicSpec.of(Topics.ALERTS_ENRICHED, names),
                TopicSpec.of(Topics.HUNTING_RESULTS, names),
                TopicSpec.of(Topics.ENRICHMENT_DEFERRALS, names));
    }
}
