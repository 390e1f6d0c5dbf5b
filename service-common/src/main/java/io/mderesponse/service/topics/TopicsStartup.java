package io.mderesponse.service.topics;

import io.mderesponse.service.kafka.KafkaClientSettings;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.jboss.logging.Logger;

/**
 * Prepares the service's topics before messaging starts, so a wrong partition count stops the service at
 * start with the topic's name instead of breaking a guarantee later.
 */
@ApplicationScoped
public class TopicsStartup {

    private static final Logger LOG = Logger.getLogger(TopicsStartup.class);

    @Produces
    @Singleton
    TopicNames topicNames(TopicsConfig config) {
        return new TopicNames(config);
    }

    /** Runs before SmallRye Reactive Messaging connects its channels (which observe at LIBRARY_BEFORE). */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event,
            Instance<TopicRequirements> requirements, TopicNames names,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        List<TopicSpec> topics = new ArrayList<>();
        requirements.forEach(requirement -> topics.addAll(requirement.topics(names)));
        if (topics.isEmpty()) {
            return;
        }
        try (Admin admin = Admin.create(KafkaClientSettings.admin(kafkaConfig))) {
            List<String> created = new TopicProvisioner(admin).ensure(topics);
            LOG.infof("Topics ready: %d checked, created %s", topics.size(), created);
        }
    }

}
