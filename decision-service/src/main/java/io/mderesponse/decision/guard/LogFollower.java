package io.mderesponse.decision.guard;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Reads every partition of one internal topic from its beginning, for as long as the service runs, handing each
 * record to a handler on its own thread (no consumer group, nothing committed). Callers wait until it has read
 * up to an offset, or up to the end as of now, before they trust the state the handler built.
 */
final class LogFollower implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LogFollower.class);
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String topic;
    private final Map<String, Object> kafkaConfig;
    private final Consumer<ConsumerRecord<String, String>> handler;
    private final Map<Integer, Long> positions = new ConcurrentHashMap<>();
    private final Object progress = new Object();
    private volatile KafkaConsumer<String, String> consumer;
    private volatile boolean running = true;
    private volatile RuntimeException failure;
    private Thread thread;

    LogFollower(String topic, Map<String, Object> kafkaConfig, Consumer<ConsumerRecord<String, String>> handler) {
        this.topic = topic;
        this.kafkaConfig = kafkaConfig;
        this.handler = handler;
    }

    /** Starts reading and returns once everything written before the start has been read. */
    LogFollower start() {
        Map<String, Object> config = new HashMap<>(KafkaSettings.consumer(kafkaConfig));
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "decision-service-" + topic + "-" + UUID.randomUUID());
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, WAIT).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = new Thread(this::run, "follow-" + topic);
        thread.setDaemon(true);
        thread.start();
        awaitEnd();
        return this;
    }

    private void run() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    try {
                        handler.accept(record);
                    } catch (RuntimeException e) {
                        // The state topics are written by this service only; a record it cannot read is skipped
                        // loudly rather than stopping every guard.
                        LOG.errorf(e, "Skipping unreadable record %s-%d@%d: %s", record.topic(), record.partition(),
                                record.offset(), e.getMessage());
                    }
                }
                for (TopicPartition partition : consumer.assignment()) {
                    positions.put(partition.partition(), consumer.position(partition));
                }
                synchronized (progress) {
                    progress.notifyAll();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            failure = e;
            LOG.errorf(e, "Stopped reading %s: %s", topic, e.getMessage());
        } finally {
            consumer.close();
        }
    }

    /** Waits until every record written to the topic before this call has been handled. */
    void awaitEnd() {
        Map<TopicPartition, Long> end;
        try (Admin admin = Admin.create(KafkaSettings.admin(kafkaConfig))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int partition : partitionsOf(admin)) {
                latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
            }
            end = new HashMap<>();
            admin.listOffsets(latest).all().get(WAIT.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach((tp, info) -> end.put(tp, info.offset()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading " + topic, e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not find the end of " + topic + ": " + e.getMessage(), e);
        }
        end.forEach((tp, offset) -> awaitOffset(tp.partition(), offset));
    }

    /** Waits until the record before {@code offset} of {@code partition} has been handled. */
    void awaitOffset(int partition, long offset) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        synchronized (progress) {
            while (positions.getOrDefault(partition, 0L) < offset) {
                if (failure != null) {
                    throw new IllegalStateException("Reading " + topic + " failed", failure);
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    throw new IllegalStateException("Could not read " + topic + "-" + partition + " up to offset "
                            + offset + " within " + WAIT);
                }
                try {
                    progress.wait(Math.min(left, 200));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while reading " + topic, e);
                }
            }
        }
    }

    private List<Integer> partitionsOf(Admin admin) throws Exception {
        return admin.describeTopics(List.of(topic)).allTopicNames().get(WAIT.toMillis(), TimeUnit.MILLISECONDS)
                .get(topic).partitions().stream().map(p -> p.partition()).toList();
    }

    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
