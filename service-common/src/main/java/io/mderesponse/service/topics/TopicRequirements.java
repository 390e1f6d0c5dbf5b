package io.mderesponse.service.topics;

import java.util.List;

/** Implemented by each service: the topics it reads or writes, which are created or verified at start. */
public interface TopicRequirements {

    List<TopicSpec> topics(TopicNames names);
}
