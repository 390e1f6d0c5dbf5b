package io.mderesponse.decision.messaging;

import io.mderesponse.contracts.topic.Services;
import io.mderesponse.contracts.topic.TopicDefinition;
import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.decision.config.GuardConfig;
import io.mderesponse.decision.state.GuardStore;
import io.mderesponse.service.topics.TopicNames;
import io.mderesponse.service.topics.TopicRequirements;
import io.mderesponse.service.topics.TopicSpec;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The topics the decision service reads and writes, created or verified at start. */
@ApplicationScoped
public class DecisionTopics implements TopicRequirements {

    private final GuardConfig guards;

    public DecisionTopics(GuardConfig guards) {
        this.guards = guards;
    }

    @Override
    public List<TopicSpec> topics(TopicNames names) {
        return List.of(
                TopicSpec.of(Topics.ALERTS_ENRICHED, names),
                TopicSpec.deadLetter(Topics.dlq(names.nameOf(Topics.ALERTS_ENRICHED), Services.DECISION)),
                TopicSpec.of(Topics.DECISIONS, names),
                TopicSpec.of(Topics.ACTIONS_REQUESTED, names),
                TopicSpec.of(Topics.ACTIONS_RESULTS, names),
                TopicSpec.deadLetter(Topics.dlq(names.nameOf(Topics.ACTIONS_RESULTS), Services.DECISION)),
                TopicSpec.of(Topics.RESPONSE_ACTIONS_REQUESTED, names),
                TopicSpec.of(Topics.RESPONSE_ACTIONS_RESULTS, names),
                TopicSpec.deadLetter(Topics.dlq(names.nameOf(Topics.RESPONSE_ACTIONS_RESULTS), Services.DECISION)),
                internal(Topics.DECISION_GUARDS),
                internal(Topics.DECISION_APPROVALS),
                internal(Topics.ISOLATION_BUDGET));
    }

    private TopicSpec internal(TopicDefinition topic) {
        return new TopicSpec(GuardStore.nameOf(topic, guards), topic.partitions(), topic.compacted(),
                topic.partitions() == 1);
    }
}
