package io.mderesponse.systemtests.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mderesponse.contracts.topic.TopicDefinition;
import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.testsupport.defender.SampleData;
import io.mderesponse.testsupport.defender.TestIds;
import io.mderesponse.testsupport.system.RunningSystem;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Operators rename every public topic through {@code TOPICS_*}; nothing may still go to a default name. */
class RenamedTopicsSystemTest {

    private static final String PREFIX = "renamed-" + UUID.randomUUID().toString().substring(0, 8) + ".";
    private static final List<TopicDefinition> RENAMEABLE = Topics.all().stream()
            .filter(topic -> topic.configKey() != null).toList();

    private static RunningSystem system;
    private static PipelineTopics topics;

    @BeforeAll
    static void start() {
        Map<String, String> renamed = new LinkedHashMap<>();
        for (TopicDefinition topic : RENAMEABLE) {
            renamed.put(environmentName(topic.configKey()), PREFIX + topic.defaultName());
        }
        system = RunningSystem.start(renamed);
        topics = new PipelineTopics(system.bootstrapServers);
    }

    @AfterAll
    static void stop() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void withEveryTopicRenamedTheAlertFlowsThroughTheNewNamesAndNoneOfTheDefaults() {
        String machine = TestIds.machineId();
        String alert = TestIds.alertId();
        system.simulator.addMachine(SampleData.machine(machine, "ws-renamed.contoso.com"));
        system.simulator.addAlert(SampleData.alert(alert, "High", machine));

        await().atMost(Duration.ofSeconds(120)).until(() -> system.mail.getReceivedMessages().length >= 1);

        for (TopicDefinition topic : List.of(Topics.ALERTS_NEW, Topics.ALERTS_ENRICHED, Topics.DECISIONS,
                Topics.ACTIONS_REQUESTED, Topics.ACTIONS_RESULTS)) {
            assertThat(topics.withCorrelationId(PREFIX + topic.defaultName(), alert)).as(topic.configKey())
                    .hasSize(1);
        }
        for (TopicDefinition topic : RENAMEABLE) {
            assertThat(topics.withCorrelationId(topic.defaultName(), alert)).as(topic.defaultName()).isEmpty();
        }
    }

    /** {@code topics.alerts-new} → {@code TOPICS_ALERTS_NEW}, as Quarkus maps environment variables. */
    private static String environmentName(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase();
    }
}
