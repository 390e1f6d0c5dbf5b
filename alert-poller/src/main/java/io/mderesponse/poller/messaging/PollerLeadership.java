package io.mderesponse.poller.messaging;

import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.poller.config.PollerConfig;
import io.mderesponse.service.topics.TopicNames;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jboss.logging.Logger;

/**
 * Decides which replica polls: the one the consumer group {@value #GROUP} assigns the single partition of the
 * leadership topic. A replica that dies stops heartbeating, and after {@code poller.session-timeout} the group
 * gives the partition to a standby. Leadership is a hint, not the safety: the transactional id fences a former
 * leader that still believes it leads.
 *
 * <p>A thread of its own polls the consumer (no records are ever written to the topic), so membership never
 * depends on how long an alert poll takes.
 */
public final class PollerLeadership implements AutoCloseable {

    public static final String GROUP = "alert-poller-leadership";
    private static final Logger LOG = Logger.getLogger(PollerLeadership.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(60);

    private final Map<String, Object> consumerConfig;
    private final String topic;
    private final AtomicReference<Instant> activeSince = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    public PollerLeadership(Map<String, Object> kafkaConfig, TopicNames names, PollerConfig config) {
        this.topic = names.nameOf(Topics.POLLER_LEADERSHIP);
        this.consumerConfig = consumerConfig(kafkaConfig, config.sessionTimeout());
        this.thread = new Thread(this::run, "alert-poller-leadership");
        this.thread.setDaemon(true);
    }

    static Map<String, Object> consumerConfig(Map<String, Object> kafkaConfig, Duration sessionTimeout) {
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (ConsumerConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        config.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, GROUP + "-" + UUID.randomUUID());
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) sessionTimeout.toMillis());
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.max(100, sessionTimeout.toMillis() / 4));
        // Sticky: a replica that joins never takes the partition from a live leader.
        config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                List.of(CooperativeStickyAssignor.class.getName()));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.remove(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG);
        config.remove(ConsumerConfig.GROUP_PROTOCOL_CONFIG);
        return config;
    }

    /** Joins the group; checks first that the leadership topic has exactly one partition. */
    public void start() {
        thread.start();
    }

    /** Whether this replica holds the partition, i.e. is the one that polls. */
    public boolean isActive() {
        return activeSince.get() != null;
    }

    /** Since when this replica is the active one; null when standby. */
    public Instant activeSince() {
        return activeSince.get();
    }

    /** Whether the thread that keeps the membership alive still runs. */
    public boolean isRunning() {
        return thread.isAlive();
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<byte[], byte[]> created = new KafkaConsumer<>(consumerConfig,
                    new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
                consumer = created;
                int partitions = created.partitionsFor(topic, METADATA_TIMEOUT).size();
                if (partitions != 1) {
                    LOG.errorf("The leadership topic %s has %d partitions, not 1: no replica will poll", topic,
                            partitions);
                    return;
                }
                created.subscribe(List.of(topic), new Listener());
                while (running) {
                    created.poll(POLL);
                }
            } catch (WakeupException e) {
                // close() asked us to stop
            } catch (KafkaException e) {
                LOG.warnf("Leadership consumer failed, standing by and joining again: %s", e.getMessage());
            } finally {
                consumer = null;
                resign("leadership consumer closed");
            }
        }
    }

    private void resign(String why) {
        if (activeSince.getAndSet(null) != null) {
            LOG.infof("This replica is no longer the active poller (%s)", why);
        }
    }

    /** Leaves the group, so a standby takes over at once instead of after the session timeout. */
    @Override
    public void close() {
        running = false;
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        resign("shutting down");
    }

    private final class Listener implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.stream().anyMatch(p -> p.topic().equals(topic))
                    && activeSince.compareAndSet(null, Instant.now())) {
                LOG.infof("This replica is now the active poller (assigned %s)", partitions);
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (partitions.stream().anyMatch(p -> p.topic().equals(topic))) {
                resign("partition revoked");
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            if (partitions.stream().anyMatch(p -> p.topic().equals(topic))) {
                resign("partition lost");
            }
        }
    }
}
