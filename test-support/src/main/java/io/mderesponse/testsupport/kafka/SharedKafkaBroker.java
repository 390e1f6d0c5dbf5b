package io.mderesponse.testsupport.kafka;

import io.mderesponse.kafka.broker.KafkaBroker;
import org.testcontainers.kafka.KafkaContainer;

/**
 * One real Kafka broker for the whole test JVM, started on first use and stopped when the JVM exits.
 *
 * <p>Quarkus loads test resources in a class loader per application, so a static field alone would start a
 * broker per test class; the running broker is therefore published in a JVM-wide system property, which every
 * class loader sees. Tests share the broker: use unique topic names or consumer groups per test.
 */
public final class SharedKafkaBroker {

    /** JVM-wide record of the running broker's address. */
    static final String BOOTSTRAP_PROPERTY = "mde-response.test.kafka.bootstrap.servers";
    static final String KAFKA_NATIVE_IMAGE = "apache/kafka-native:4.1.2";

    private SharedKafkaBroker() {
    }

    /** The broker's {@code bootstrap.servers}, starting one if this JVM has none yet. */
    public static String bootstrapServers() {
        synchronized (System.class) {
            String running = System.getProperty(BOOTSTRAP_PROPERTY);
            if (running != null) {
                return running;
            }
            String bootstrap = start(BrokerChoice.choose(System.getenv(BrokerChoice.BOOTSTRAP_ENV),
                    DockerProbe::dockerAvailable));
            System.setProperty(BOOTSTRAP_PROPERTY, bootstrap);
            return bootstrap;
        }
    }

    private static String start(BrokerChoice choice) {
        switch (choice) {
            case EXTERNAL:
                return System.getenv(BrokerChoice.BOOTSTRAP_ENV);
            case TESTCONTAINERS: {
                KafkaContainer container = new KafkaContainer(KAFKA_NATIVE_IMAGE);
                container.start();
                Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "kafka-container-stop"));
                return container.getBootstrapServers();
            }
            case EMBEDDED: {
                KafkaBroker broker = KafkaBroker.start();
                Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-broker-stop"));
                return broker.bootstrapServers();
            }
            default:
                throw new IllegalStateException("Unknown broker choice " + choice);
        }
    }
}
