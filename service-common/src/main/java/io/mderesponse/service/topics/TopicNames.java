package io.mderesponse.service.topics;

import io.mderesponse.contracts.topic.TopicDefinition;
import io.mderesponse.contracts.topic.Topics;
import java.util.Map;

/** Resolves a topic of the contracts to the name configured for it; internal topics keep their default names. */
public final class TopicNames {

    private final Map<String, String> configured;

    public TopicNames(TopicsConfig config) {
        this.configured = Map.of(
                Topics.ALERTS_NEW.defaultName(), config.alertsNew(),
                Topics.ALERTS_ENRICHED.defaultName(), config.alertsEnriched(),
                Topics.DECISIONS.defaultName(), config.decisions(),
                Topics.ACTIONS_REQUESTED.defaultName(), config.actionsRequested(),
                Topics.ACTIONS_RESULTS.defaultName(), config.actionsResults(),
                Topics.RESPONSE_ACTIONS_REQUESTED.defaultName(), config.responseActionsRequested(),
                Topics.RESPONSE_ACTIONS_RESULTS.defaultName(), config.responseActionsResults(),
                Topics.HUNTING_RESULTS.defaultName(), config.huntingResults(),
                Topics.ALERT_POLLER_DLQ.defaultName(), config.alertPollerDlq());
    }

    public String nameOf(TopicDefinition topic) {
        return configured.getOrDefault(topic.defaultName(), topic.defaultName());
    }
}
