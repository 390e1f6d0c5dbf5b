package io.mderesponse.systemtests.deploy;

import io.mderesponse.contracts.topic.Services;
import io.mderesponse.contracts.topic.TopicDefinition;
import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.service.deadletter.DeadLetterChannel;
import io.mderesponse.service.deadletter.DeadLetterChannels;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * The topics the code creates, with the partitions and cleanup policy it creates them with: every topic of the
 * contracts ({@link Topics#all()}), and the dead letter and retry topic of every dead-lettering channel of every
 * service module, found the way the service finds them at start ({@link DeadLetterChannels} over its
 * {@code application.properties}, with the default topic names), created with one partition
 * ({@code TopicSpec.deadLetter}, {@code TopicSpec.retry}).
 */
final class TopicsOfTheCode {

    /** A topic as the code creates it. */
    record Expected(String name, int partitions, boolean compacted, String why) {
    }

    private TopicsOfTheCode() {
    }

    static Map<String, Expected> read(Path root) {
        Map<String, Expected> topics = new TreeMap<>();
        for (TopicDefinition topic : Topics.all()) {
            topics.put(topic.defaultName(), new Expected(topic.defaultName(), topic.partitions(), topic.compacted(),
                    "contracts: " + topic.owner()));
        }
        for (String service : Services.all()) {
            Path properties = root.resolve(service).resolve("src/main/resources/application.properties");
            if (!Files.isRegularFile(properties)) {
                continue; // a service the contracts name before its module exists
            }
            for (DeadLetterChannel channel : channelsOf(properties).all().values()) {
                topics.put(channel.deadLetterTopic(), new Expected(channel.deadLetterTopic(), 1, false,
                        service + " channel " + channel.channel() + ": dead letters"));
                channel.retryTopic().ifPresent(retry -> topics.put(retry, new Expected(retry, 1, false,
                        service + " channel " + channel.channel() + ": redriven dead letters")));
            }
        }
        return topics;
    }

    /** The dead-lettering channels of one service, as it finds them at start from its properties. */
    static DeadLetterChannels channelsOf(Path applicationProperties) {
        try {
            SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors()
                    .withSources(new PropertiesConfigSource(applicationProperties.toUri().toURL(), 250))
                    .build();
            return new DeadLetterChannels(config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
