package io.mderesponse.service.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.service.topics.TopicSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Dead-lettering channels as read from messaging configuration. */
class DeadLetterChannelsTest {

    private static DeadLetterChannels channels(Map<String, String> properties) {
        return new DeadLetterChannels(List.copyOf(properties.keySet()),
                name -> Optional.ofNullable(properties.get(name)));
    }

    @Test
    void aChannelReadingItsTopicAndItsGroupsRetryTopicIsFound() {
        DeadLetterChannels channels = channels(Map.of(
                "mp.messaging.incoming.alerts-new.failure-strategy", "dead-letter-queue",
                "mp.messaging.incoming.alerts-new.group.id", "enrichment-service",
                "mp.messaging.incoming.alerts-new.topics",
                "defender.alerts.new, defender.alerts.new.enrichment-service.retry",
                "mp.messaging.incoming.alerts-new.dead-letter-queue.topic",
                "defender.alerts.new.enrichment-service.dlq"));

        assertThat(channels.all()).containsOnlyKeys("alerts-new");
        DeadLetterChannel channel = channels.channel("alerts-new").orElseThrow();
        assertThat(channel.group()).isEqualTo("enrichment-service");
        assertThat(channel.topics()).containsExactly("defender.alerts.new",
                "defender.alerts.new.enrichment-service.retry");
        assertThat(channel.deadLetterTopic()).isEqualTo("defender.alerts.new.enrichment-service.dlq");
        assertThat(channel.retryTopic()).contains("defender.alerts.new.enrichment-service.retry");
    }

    @Test
    void anotherGroupsRetryTopicIsNotThisChannelsRetryTopic() {
        DeadLetterChannels channels = channels(Map.of(
                "mp.messaging.incoming.in.failure-strategy", "dead-letter-queue",
                "mp.messaging.incoming.in.group.id", "decision-service",
                "mp.messaging.incoming.in.topics", "t,t.enrichment-service.retry"));

        assertThat(channels.channel("in").orElseThrow().retryTopic()).isEmpty();
    }

    @Test
    void channelsWithAnotherFailureStrategyAreNotDeadLettering() {
        DeadLetterChannels channels = channels(Map.of(
                "mp.messaging.incoming.a.failure-strategy", "fail",
                "mp.messaging.incoming.b.topic", "b",
                "mp.messaging.outgoing.c.failure-strategy", "dead-letter-queue"));

        assertThat(channels.all()).isEmpty();
    }

    @Test
    void withoutExplicitSettingsTheGroupIsTheApplicationAndTheTopicTheChannel() {
        DeadLetterChannels channels = channels(Map.of(
                "quarkus.application.name", "notifier-service",
                "mp.messaging.incoming.decisions.failure-strategy", "dead-letter-queue",
                "mp.messaging.incoming.decisions.topic", "defender.decisions"));

        DeadLetterChannel channel = channels.channel("decisions").orElseThrow();
        assertThat(channel.group()).isEqualTo("notifier-service");
        assertThat(channel.topics()).containsExactly("defender.decisions");
        assertThat(channel.deadLetterTopic()).isEqualTo("dead-letter-topic-decisions");
    }

    @Test
    void everyDeadLetterTopicAndEveryRetryTopicIsRequiredAtStart() {
        DeadLetterChannels channels = channels(Map.of(
                "mp.messaging.incoming.in.failure-strategy", "dead-letter-queue",
                "mp.messaging.incoming.in.group.id", "g",
                "mp.messaging.incoming.in.topics", "t,t.g.retry",
                "mp.messaging.incoming.in.dead-letter-queue.topic", "t.g.dlq",
                "mp.messaging.incoming.old.failure-strategy", "dead-letter-queue",
                "mp.messaging.incoming.old.group.id", "g",
                "mp.messaging.incoming.old.topic", "u",
                "mp.messaging.incoming.old.dead-letter-queue.topic", "u.g.dlq"));

        assertThat(new DeadLetterTopics(channels).topics(null)).containsExactlyInAnyOrder(
                TopicSpec.deadLetter("t.g.dlq"), TopicSpec.retry("t.g.retry"), TopicSpec.deadLetter("u.g.dlq"));
    }
}
