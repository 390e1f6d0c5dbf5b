package io.mderesponse.contracts.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mderesponse.contracts.event.EventType;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Topic names, DLQ and retry names, partitions and ownership follow the architecture. */
class TopicsTest {

    @Test
    void aDeadLetterTopicIsTheSourceTopicThenTheGroupThenDlq() {
        assertThat(Topics.dlq("defender.alerts.new", Services.ENRICHMENT))
                .isEqualTo("defender.alerts.new.enrichment-service.dlq");
    }

    @Test
    void aRetryTopicIsTheSourceTopicThenTheGroupThenRetry() {
        assertThat(Topics.retry("defender.decisions", Services.NOTIFIER))
                .isEqualTo("defender.decisions.notifier-service.retry");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"has space", "slash/y", ".", "..", "umlaut-ü", "line\nbreak"})
    void aDeadLetterNameIsNotBuiltFromAnIllegalPart(String bad) {
        assertThatThrownBy(() -> Topics.dlq(bad, Services.DECISION)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("topic");
        assertThatThrownBy(() -> Topics.retry("defender.decisions", bad))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("consumer group");
    }

    @Test
    void aDeadLetterNameLongerThanKafkaAllowsIsRefused() {
        assertThatThrownBy(() -> Topics.dlq("t".repeat(240), "group"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("249");
    }

    @Test
    void everyConsumerGroupCanHaveADeadLetterTopicForEveryPublicTopic() {
        for (TopicDefinition topic : Topics.all()) {
            for (String group : Services.all()) {
                assertThat(Topics.dlq(topic.defaultName(), group)).hasSizeLessThanOrEqualTo(249);
            }
        }
    }

    @Test
    void everyDefaultNameIsUnique() {
        assertThat(Topics.all()).extracting(TopicDefinition::defaultName).doesNotHaveDuplicates();
    }

    @Test
    void everyConfigKeyIsUniqueAndUnderTopics() {
        List<String> keys = Topics.all().stream().map(TopicDefinition::configKey).filter(Objects::nonNull).toList();

        assertThat(keys).doesNotHaveDuplicates().allSatisfy(key -> assertThat(key).startsWith("topics."));
        assertThat(keys).contains("topics.alerts-new", "topics.alerts-enriched", "topics.decisions",
                "topics.actions-requested", "topics.actions-results", "topics.hunting-results");
    }

    @Test
    void internalTopicsAreUnderDefenderInternalAndNotRenamedByConfiguration() {
        assertThat(Topics.all()).filteredOn(topic -> !topic.isPublic()).hasSize(11).allSatisfy(topic -> {
            assertThat(topic.defaultName()).startsWith("defender.internal.");
            assertThat(topic.configKey()).isNull();
            assertThat(topic.events()).isEmpty();
        });
    }

    @Test
    void topicsWithASingleOwnerHaveOnePartition() {
        assertThat(List.of(Topics.POLLER_LEADERSHIP, Topics.ISOLATION_BUDGET, Topics.POLLER_STATE,
                Topics.HUNTING_SEEN_ROWS, Topics.HUNTING_LEADERSHIP))
                .allSatisfy(topic -> assertThat(topic.partitions()).as(topic.defaultName()).isEqualTo(1));
    }

    @Test
    void publicPipelineTopicsHaveSixPartitions() {
        assertThat(Topics.all()).filteredOn(topic -> !topic.events().isEmpty())
                .hasSize(8)
                .allSatisfy(topic -> assertThat(topic.partitions()).as(topic.defaultName()).isEqualTo(6));
    }

    @Test
    void stateKeyedLikeAPipelineTopicHasItsPartitionCount() {
        assertThat(Topics.ENRICHMENT_DEFERRALS.partitions()).isEqualTo(Topics.ALERTS_NEW.partitions());
        assertThat(Topics.DECISION_GUARDS.partitions()).isEqualTo(Topics.ALERTS_ENRICHED.partitions());
    }

    @Test
    void stateTablesAreCompactedAndQueuesAreNot() {
        assertThat(List.of(Topics.POLLER_STATE, Topics.DECISION_GUARDS, Topics.DECISION_APPROVALS,
                Topics.RESPONSE_INTENTS, Topics.RESPONSE_REQUEST_ACTIONS, Topics.NOTIFIER_SENT_LOG,
                Topics.HUNTING_SEEN_ROWS)).allMatch(TopicDefinition::compacted);
        assertThat(Topics.all()).filteredOn(TopicDefinition::isPublic).noneMatch(TopicDefinition::compacted);
    }

    @Test
    void everyEventTravelsOnExactlyOnePublicTopic() {
        for (EventType type : EventType.values()) {
            assertThat(Topics.all()).filteredOn(topic -> topic.events().contains(type)).as(type.name())
                    .singleElement().matches(TopicDefinition::isPublic);
        }
    }

    @Test
    void sharedTopicsCarryTheEventsOfTheirDispatchingDeserializers() {
        assertThat(Topics.ALERTS_NEW.events())
                .containsExactlyInAnyOrder(EventType.ALERT_DETECTED, EventType.ALERT_SEVERITY_RAISED);
        assertThat(Topics.ALERTS_ENRICHED.events())
                .containsExactlyInAnyOrder(EventType.ALERT_ENRICHED, EventType.HUNTING_ROW_ENRICHED);
    }

    @Test
    void everyOwnerIsAKnownService() {
        assertThat(Topics.all()).extracting(TopicDefinition::owner).allMatch(Services.all()::contains);
    }

    @Test
    void serviceNamesAreTheConsumerGroupNames() {
        assertThat(Services.all()).containsExactly("alert-poller", "enrichment-service", "decision-service",
                "response-service", "notifier-service", "hunting-scheduler");
    }

    @Test
    void allListsEveryConstant() throws Exception {
        long constants = Arrays.stream(Topics.class.getFields())
                .filter(field -> field.getType() == TopicDefinition.class).count();

        assertThat(Topics.all()).hasSize((int) constants);
    }
}
