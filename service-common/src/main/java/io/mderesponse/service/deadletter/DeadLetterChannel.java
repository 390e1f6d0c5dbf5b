package io.mderesponse.service.deadletter;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A consuming channel that sends what it cannot process to a dead letter topic.
 *
 * @param channel the channel name, e.g. {@code alerts-new}
 * @param group its consumer group
 * @param topics every topic it reads, its retry topic included
 * @param deadLetterTopic where its failures go: {@code <topic>.<group>.dlq}
 * @param retryTopic where a redrive puts dead letters back, {@code <topic>.<group>.retry}, if the channel reads one
 */
public record DeadLetterChannel(String channel, String group, List<String> topics, String deadLetterTopic,
        Optional<String> retryTopic) {

    public DeadLetterChannel {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(group, "group");
        topics = List.copyOf(topics);
        Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
        Objects.requireNonNull(retryTopic, "retryTopic");
    }
}
