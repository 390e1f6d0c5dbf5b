package io.mderesponse.service.topics;

import io.mderesponse.contracts.topic.TopicDefinition;
import java.util.Objects;

/**
 * A topic as this deployment names it, with what its creation needs.
 *
 * @param singlePartition whether exactly one partition is required (checked on existing topics too)
 */
public record TopicSpec(String name, int partitions, boolean compacted, boolean singlePartition) {

    public TopicSpec {
        Objects.requireNonNull(name, "name");
    }

    /** A topic of the contracts under its configured name; one partition in the contract means exactly one. */
    public static TopicSpec of(TopicDefinition definition, TopicNames names) {
        return new TopicSpec(names.nameOf(definition), definition.partitions(), definition.compacted(),
                definition.partitions() == 1);
    }

    /** A dead letter topic: low volume, one partition is enough, but more are tolerated. */
    public static TopicSpec deadLetter(String name) {
        return new TopicSpec(name, 1, false, false);
    }

    /**
     * A retry topic ({@code <topic>.<group>.retry}): what a redrive puts back for one consumer group. Low volume
     * like a dead letter topic: one partition, more tolerated.
     */
    public static TopicSpec retry(String name) {
        return new TopicSpec(name, 1, false, false);
    }
}
