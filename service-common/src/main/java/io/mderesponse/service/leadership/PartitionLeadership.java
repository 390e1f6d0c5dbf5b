package io.mderesponse.service.leadership;

import io.mderesponse.service.kafka.KafkaClientSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
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
 * Decides which replica of a service is the active one: the one its consumer group assigns the single partition
 * of a leadership topic. A replica that dies stops heartbeating, and after the session timeout the group gives
 * the partition to a standby. Leadership is a hint, not the safety: the owner's transactional id fences a former
 * leader that still believes it leads. Used by alert-poller and hunting-scheduler.
 *
 * <p>A thread of its own polls the consumer (no records are ever written to the topic), so membership never
 * depends on how long the leader's work takes.
 */
public final class PartitionLeadership implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PartitionLeadership.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(60);

    private final Map<String, Object> consumerConfig;
    private final String topic;
    private final String role;
    private final AtomicReference<Instant> activeSince = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean running = true;
    private volatile KafkaConsumer<byte[], byte[]> consumer;

    /**
     * @param topic the one-partition leadership topic
     * @param group the consumer group of the replicas, e.g. {@code alert-poller-leadership}
     * @param sessionTimeout how long a silent leader keeps its role ({@code session.timeout.ms}, 6 s to 30 min)
     * @param role what the active replica is called in logs, e.g. "poller"
     */
    public PartitionLeadership(Map<String, Object> kafkaConfig, String topic, String group, Duration sessionTimeout,
            String role) {
        this.topic = topic;
        this.role = role;
        this.consumerConfig = consumerConfig(kafkaConfig, group, sessionTimeout);
        this.thread = new Thread(this::run, group);
        this.thread.setDaemon(true);
    }

    static Map<String, Object> consumerConfig(Map<String, Object> kafkaConfig, String group,
            Duration sessionTimeout) {
        Map<String, Object> config = KafkaClientSettings.inGroup(kafkaConfig, group, group + "-" + UUID.randomUUID());
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) sessionTimeout.toMillis());
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, (int) Math.max(100, sessionTimeout.toMillis() / 4));
        // Sticky: a replica that joins never takes the partition from a live leader.
        config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG,
                List.of(CooperativeStickyAssignor.class.getName()));
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.remove(ConsumerConfig.GROUP_PROTOCOL_CONFIG);
        return config;
    }

    /** Joins the group; checks first that the leadership topic has exactly one partition. */
    public void start() {
        thread.start();
    }

    /** Whether this replica holds the partition, i.e. is the active one. */
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
                    LOG.errorf("The leadership topic %s has %d partitions, not 1: no replica will be the active %s",
                            topic, partitions, role);
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
            LOG.infof("This replica is no longer the active %s (%s)", role, why);
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
                LOG.infof("This replica is now the active %s (assigned %s)", role, partitions);
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
