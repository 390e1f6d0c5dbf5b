package io.mderesponse.service.deadletter;

import io.mderesponse.service.topics.TopicNames;
import io.mderesponse.service.topics.TopicRequirements;
import io.mderesponse.service.topics.TopicSpec;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The dead letter and retry topics of every dead-lettering channel, created or verified at start with the
 * service's other topics. A channel that reads no retry topic is named in a warning: a redrive could not reach it.
 */
@ApplicationScoped
public class DeadLetterTopics implements TopicRequirements {

    private static final Logger LOG = Logger.getLogger(DeadLetterTopics.class);

    private final DeadLetterChannels channels;

    public DeadLetterTopics(DeadLetterChannels channels) {
        this.channels = channels;
    }

    @Override
    public List<TopicSpec> topics(TopicNames names) {
        List<TopicSpec> topics = new ArrayList<>();
        for (DeadLetterChannel channel : channels.all().values()) {
            topics.add(TopicSpec.deadLetter(channel.deadLetterTopic()));
            channel.retryTopic().ifPresentOrElse(retry -> topics.add(TopicSpec.retry(retry)),
                    () -> LOG.warnf("Channel %s (group %s) dead-letters to %s but reads no retry topic; a redrive "
                            + "cannot reach it until mp.messaging.incoming.%s.topics also names %s.%s.retry",
                            channel.channel(), channel.group(), channel.deadLetterTopic(), channel.channel(),
                            channel.topics().isEmpty() ? "<topic>" : channel.topics().get(0), channel.group()));
        }
        return topics;
    }
}
