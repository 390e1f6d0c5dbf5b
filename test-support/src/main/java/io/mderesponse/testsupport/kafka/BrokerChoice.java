package io.mderesponse.testsupport.kafka;

import java.util.function.BooleanSupplier;

/** Where the tests' Kafka broker comes from, in order of preference. */
public enum BrokerChoice {

    /** A broker already running for the whole build, named by {@code KAFKA_BOOTSTRAP_SERVERS}. */
    EXTERNAL,
    /** Testcontainers' {@code apache/kafka-native} image, where a Docker engine answers. */
    TESTCONTAINERS,
    /** Kafka in KRaft mode as a child JVM from Kafka's own jars: no Docker needed, as in CI. */
    EMBEDDED;

    /** The environment variable naming an already running broker to reuse. */
    public static final String BOOTSTRAP_ENV = "KAFKA_BOOTSTRAP_SERVERS";

    /**
     * Chooses the broker. Docker is asked about only when no external broker is named, because the probe
     * can take seconds where no engine runs.
     */
    public static BrokerChoice choose(String externalBootstrapServers, BooleanSupplier dockerAvailable) {
        if (externalBootstrapServers != null && !externalBootstrapServers.isBlank()) {
            return EXTERNAL;
        }
        return dockerAvailable.getAsBoolean() ? TESTCONTAINERS : EMBEDDED;
    }
}
