package io.mderesponse.service.deadletter;

import io.mderesponse.contracts.topic.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.Config;

/**
 * The service's consuming channels with {@code failure-strategy=dead-letter-queue}, read from its messaging
 * configuration ({@code mp.messaging.incoming.<channel>.*}), so that retry topics, the redrive and their checks
 * follow the channels without a list to keep in step.
 *
 * <p>A channel's retry topic is the one of its {@code topics} named {@code <other topic>.<group>.retry}:
 * <pre>
 * mp.messaging.incoming.alerts-new.topics=defender.alerts.new,defender.alerts.new.enrichment-service.retry
 * </pre>
 */
@ApplicationScoped
public class DeadLetterChannels {

    static final String PREFIX = "mp.messaging.incoming.";
    static final String STRATEGY = ".failure-strategy";

    private final Map<String, DeadLetterChannel> channels;

    @Inject
    public DeadLetterChannels(Config config) {
        this(StreamSupport.stream(config.getPropertyNames().spliterator(), false).toList(),
                name -> config.getOptionalValue(name, String.class));
    }

    /** From property names and a lookup; for tests. */
    public DeadLetterChannels(List<String> propertyNames, Function<String, Optional<String>> lookup) {
        this.channels = read(propertyNames, lookup);
    }

    /** Every dead-lettering channel, by name. */
    public Map<String, DeadLetterChannel> all() {
        return channels;
    }

    public Optional<DeadLetterChannel> channel(String name) {
        return Optional.ofNullable(channels.get(name));
    }

    private static Map<String, DeadLetterChannel> read(List<String> names, Function<String, Optional<String>> lookup) {
        Map<String, DeadLetterChannel> found = new TreeMap<>();
        for (String name : names) {
            if (!name.startsWith(PREFIX) || !name.endsWith(STRATEGY)) {
                continue;
            }
            String channel = name.substring(PREFIX.length(), name.length() - STRATEGY.length());
            if (channel.isEmpty() || channel.contains(".")
                    || !"dead-letter-queue".equals(lookup.apply(name).map(String::trim).orElse(null))) {
                continue;
            }
            String base = PREFIX + channel + ".";
            String group = lookup.apply(base + "group.id")
                    .or(() -> lookup.apply("kafka.group.id"))
                    .or(() -> lookup.apply("quarkus.application.name"))
                    .orElse(channel);
            List<String> topics = lookup.apply(base + "topics").map(DeadLetterChannels::list)
                    .or(() -> lookup.apply(base + "topic").map(List::of))
                    .orElse(List.of(channel));
            // SmallRye's own default when no topic is configured.
            String deadLetterTopic = lookup.apply(base + "dead-letter-queue.topic")
                    .orElse("dead-letter-topic-" + channel);
            found.put(channel, new DeadLetterChannel(channel, group, topics, deadLetterTopic,
                    retryTopic(topics, group)));
        }
        return Map.copyOf(found);
    }

    /** The topic of {@code topics} that is {@code Topics.retry(another of them, group)}. */
    static Optional<String> retryTopic(List<String> topics, String group) {
        for (String topic : topics) {
            for (String other : topics) {
                if (!other.equals(topic) && isLegal(other, group) && Topics.retry(other, group).equals(topic)) {
                    return Optional.of(topic);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isLegal(String topic, String group) {
        try {
            Topics.retry(topic, group);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static List<String> list(String value) {
        List<String> items = new ArrayList<>();
        Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(items::add);
        return items;
    }
}
