package io.mderesponse.contracts.topic;

import java.util.Objects;

/**
 * A consuming channel of a service: the consumer column of the architecture's topic table.
 *
 * <p>Each such channel reads {@code topic} and its own retry topic in consumer group {@code group}, dead-letters
 * to {@code <topic>.<group>.dlq}, and can be redriven ({@code service-common}'s {@code DeadLetterRedrive}).
 *
 * @param group the consumer group, which is the service's name ({@link Services})
 * @param channel the SmallRye channel name ({@code mp.messaging.incoming.<channel>.*})
 * @param topic the topic it reads
 */
public record Subscription(String group, String channel, TopicDefinition topic) {

    public Subscription {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(topic, "topic");
    }

    /** Where the channel's failures go: {@code <topic>.<group>.dlq}. */
    public String deadLetterTopic() {
        return Topics.dlq(topic.defaultName(), group);
    }

    /** Where a redrive puts the channel's dead letters back, read by this group only. */
    public String retryTopic() {
        return Topics.retry(topic.defaultName(), group);
    }
}
