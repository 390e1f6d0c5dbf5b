package io.mderesponse.decision.guard;

import io.mderesponse.contracts.serde.EventJson;
import io.mderesponse.contracts.topic.TopicDefinition;
import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.decision.config.GuardConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The guards' state in Kafka: the machine windows (compacted, keyed by machine id), the isolation budget (one
 * partition, a log of claims) and the held decisions (compacted, one partition). Every instance reads all three
 * from the beginning at start and follows them; each write waits for the broker's acknowledgement, and a read
 * that must be current first catches up to the end of its topic.
 */
@ApplicationScoped
public class GuardStore {

    private static final String BUDGET_KEY = "isolations";

    private final Map<String, Object> kafkaConfig;
    private final GuardConfig config;
    private final Map<String, MachineGuard> machines = new ConcurrentHashMap<>();
    private final Map<UUID, HeldDecision> approvals = new ConcurrentHashMap<>();
    private final IsolationBudget budget;
    private KafkaProducer<String, String> producer;
    private LogFollower guardsLog;
    private LogFollower budgetLog;
    private LogFollower approvalsLog;

    public GuardStore(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, GuardConfig config) {
        this.kafkaConfig = kafkaConfig;
        this.config = config;
        this.budget = new IsolationBudget(config.maxIsolationsPerHour(), config.capWindow());
    }

    /** The name of a guard state topic, with {@code guard.state-topic-suffix}. */
    public static String nameOf(TopicDefinition topic, GuardConfig config) {
        return topic.defaultName() + config.stateTopicSuffix().orElse("");
    }

    void onStart(@Observes StartupEvent event) {
        started();
    }

    void onStop(@Observes ShutdownEvent event) {
        for (LogFollower follower : new LogFollower[] {guardsLog, budgetLog, approvalsLog}) {
            if (follower != null) {
                follower.close();
            }
        }
        if (producer != null) {
            producer.close();
        }
    }

    private synchronized GuardStore started() {
        if (producer == null) {
            producer = new KafkaProducer<>(KafkaSettings.producer(kafkaConfig), new StringSerializer(),
                    new StringSerializer());
            guardsLog = new LogFollower(nameOf(Topics.DECISION_GUARDS, config), kafkaConfig, record -> {
                if (record.value() == null) {
                    machines.remove(record.key());
                } else {
                    machines.put(record.key(), EventJson.fromJson(record.value(), MachineGuard.class));
                }
            }).start();
            budgetLog = new LogFollower(nameOf(Topics.ISOLATION_BUDGET, config), kafkaConfig,
                    record -> budget.apply(EventJson.fromJson(record.value(), BudgetClaim.class))).start();
            approvalsLog = new LogFollower(nameOf(Topics.DECISION_APPROVALS, config), kafkaConfig, record -> {
                if (record.value() == null) {
                    approvals.remove(UUID.fromString(record.key()));
                } else {
                    approvals.put(UUID.fromString(record.key()), EventJson.fromJson(record.value(),
                            HeldDecision.class));
                }
            }).start();
        }
        return this;
    }

    /** The machine's window state, current as of this call. */
    public Optional<MachineGuard> machine(String machineId) {
        started().guardsLog.awaitEnd();
        return Optional.ofNullable(machines.get(machineId));
    }

    public void putMachine(MachineGuard guard) {
        started();
        RecordMetadata written = write(nameOf(Topics.DECISION_GUARDS, config), guard.machineId(),
                EventJson.toJson(guard));
        guardsLog.awaitOffset(written.partition(), written.offset() + 1);
    }

    /**
     * Appends a claim to the budget log and returns its verdict, decided by its place in the log: true when the
     * isolation may go ahead.
     */
    public boolean claim(BudgetClaim claim) {
        started();
        RecordMetadata written = write(nameOf(Topics.ISOLATION_BUDGET, config), BUDGET_KEY, EventJson.toJson(claim));
        budgetLog.awaitOffset(written.partition(), written.offset() + 1);
        return Boolean.TRUE.equals(budget.verdict(claim.requestId()));
    }

    /** Isolations granted in the cap window ending now, as this instance has read them. */
    public long isolationsInWindow() {
        return started().budget.used(Instant.now());
    }

    public Optional<HeldDecision> held(UUID decisionId) {
        started().approvalsLog.awaitEnd();
        return Optional.ofNullable(approvals.get(decisionId));
    }

    public Collection<HeldDecision> allHeld() {
        started().approvalsLog.awaitEnd();
        return List.copyOf(approvals.values());
    }

    /** Held decisions still waiting for approval, as this instance knows them now (for the metric; no wait). */
    public long pendingHeldCount() {
        return approvals.values().stream().filter(HeldDecision::pending).count();
    }

    public void putHeld(HeldDecision held) {
        started();
        RecordMetadata written = write(nameOf(Topics.DECISION_APPROVALS, config), held.held().decisionId().toString(),
                EventJson.toJson(held));
        approvalsLog.awaitOffset(written.partition(), written.offset() + 1);
    }

    private RecordMetadata write(String topic, String key, String value) {
        try {
            return producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not write " + topic + ": " + e.getMessage(), e);
        }
    }
}
