package io.mderesponse.decision.service.backtest;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.UUID;

/**
 * A topic of enriched alerts of its own (the broker is shared by the module's test classes), so a back-test's
 * counts are exactly those of the records the test wrote. The name is chosen once per JVM and published in a
 * system property, because Quarkus loads this class in more than one class loader.
 */
public class BacktestTopicProfile implements QuarkusTestProfile {

    private static final String TOPIC_PROPERTY = "decision-service.test.backtest-topic";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("topics.alerts-enriched", topic());
    }

    static String topic() {
        synchronized (System.class) {
            String topic = System.getProperty(TOPIC_PROPERTY);
            if (topic == null) {
                topic = "defender.alerts.enriched.backtest-" + UUID.randomUUID().toString().substring(0, 8);
                System.setProperty(TOPIC_PROPERTY, topic);
            }
            return topic;
        }
    }
}
