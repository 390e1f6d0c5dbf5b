package io.mderesponse.contracts.topic;

import io.mderesponse.contracts.event.EventType;
import java.util.Objects;
import java.util.Set;

/**
 * A topic's default name and the facts its owner creates or verifies it with.
 *
 * @param configKey the property that renames it (e.g. {@code topics.alerts-new}); null for internal topics
 * @param owner the service that creates and writes it ({@link Services})
 * @param key what the record key is, in words
 * @param partitions the partition count at creation; the owner checks it where the design depends on it
 * @param compacted whether {@code cleanup.policy=compact} (state keyed by id) rather than delete
 * @param events the events it carries; empty for internal state and raw dead letters
 */
public record TopicDefinition(
        String configKey,
        String defaultName,
        String owner,
        String key,
        int partitions,
        boolean compacted,
        Visibility visibility,
        Set<EventType> events) {

    public TopicDefinition {
        Objects.requireNonNull(defaultName, "defaultName");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(visibility, "visibility");
        if (partitions < 1) {
            throw new IllegalArgumentException(defaultName + ": partitions must be 1 or more");
        }
        events = Set.copyOf(events);
    }

    public boolean isPublic() {
        return visibility == Visibility.PUBLIC;
    }
}
