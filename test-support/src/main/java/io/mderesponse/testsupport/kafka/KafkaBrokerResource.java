package io.mderesponse.testsupport.kafka;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Quarkus test resource: points {@code kafka.bootstrap.servers} at the shared real broker.
 *
 * <p>Use with {@code @WithTestResource(KafkaBrokerResource.class)} or {@code @QuarkusTestResource}.
 */
public class KafkaBrokerResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", SharedKafkaBroker.bootstrapServers());
    }

    @Override
    public void stop() {
        // The broker is shared by every test class of the JVM and stops with the JVM.
    }
}
