package io.mderesponse.systemtests.poller;

import static org.awaitility.Awaitility.await;

import io.mderesponse.contracts.event.AlertDetected;
import io.mderesponse.contracts.event.AlertNewEvent;
import io.mderesponse.contracts.serde.AlertNewEventDeserializer;
import io.mderesponse.testsupport.defender.SimulatorAdmin;
import io.mderesponse.testsupport.defender.SimulatorCredentials;
import io.mderesponse.testsupport.defender.TestIds;
import io.mderesponse.testsupport.kafka.TopicReader;
import io.mderesponse.testsupport.process.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The poller's crash scenario: alerts added in batches (random ingestion delays inside the overlap, bursts of
 * one timestamp larger than a page, updates that move alerts while the poller pages) while poller replicas are
 * SIGKILLed and started again, optionally with something else happening half way (a broker restart). Then the
 * whole alerts topic is read and each alert's {@code AlertDetected} counted.
 */
final class PollerCrashScenario implements AutoCloseable {

    static final Duration INTERVAL = Duration.ofSeconds(1); // the scheduler's shortest
    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(6); // the broker's smallest
    static final Duration OVERLAP = Duration.ofSeconds(30);
    static final int MAX_DELAY_SECONDS = 20; // ingestion delays stay inside the overlap
    static final int PAGE_SIZE = 50;
    private static final Duration PATIENCE = Duration.ofSeconds(180);
    private static final Pattern SUCCESSFUL_POLLS = Pattern.compile(
            "alert_poller_polls_total\\{outcome=\"success\"[^}]*} ([0-9.E]+)");
    private static final System.Logger LOG = System.getLogger(PollerCrashScenario.class.getName());

    private final String bootstrapServers;
    private final ServiceProcess simulatorProcess;
    private final SimulatorAdmin simulator;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<ServiceProcess> replicas = new ArrayList<>();
    private final String alertsTopic = "poller-crash-" + UUID.randomUUID() + ".alerts.new";
    private final Random random;
    private final HttpClient http = HttpClient.newHttpClient();
    private int started;

    /** What a run did. */
    record Result(Map<String, Long> detectedPerAlert, List<String> alertIds, int kills, Duration longestTakeover,
            Duration duration) {
    }

    PollerCrashScenario(String bootstrapServers, long seed) {
        this.bootstrapServers = bootstrapServers;
        this.random = new Random(seed);
        simulatorProcess = ServiceProcess.module("defender-simulator")
                .env("SIMULATOR_RATE_LIMIT_ALERTS_PER_WINDOW", "1000000")
                .env("SIMULATOR_RATE_LIMIT_ALERTS_PER_HOUR", "10000000")
                .start();
        simulator = new SimulatorAdmin(simulatorProcess.baseUrl());
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
        env.putAll(SimulatorCredentials.serviceEnvironment(simulatorProcess.baseUrl()));
        // The client's own call budget (when configured) must not slow the test down: the simulator allows all.
        env.put("DEFENDER_BUDGET_ALERTS_PER_MINUTE", "1000000");
        env.put("DEFENDER_BUDGET_ALERTS_PER_HOUR", "10000000");
        env.put("POLLER_INTERVAL", INTERVAL.toSeconds() + "s");
        env.put("POLLER_OVERLAP", OVERLAP.toSeconds() + "s");
        env.put("POLLER_PAGE_SIZE", Integer.toString(PAGE_SIZE));
        env.put("POLLER_SESSION_TIMEOUT", SESSION_TIMEOUT.toSeconds() + "s");
        env.put("POLLER_INITIAL_LOOKBACK", "10m");
        env.put("TOPICS_ALERTS_NEW", alertsTopic);
        env.put("TOPICS_ALERT_POLLER_DLQ", alertsTopic + ".dlq");
    }

    /**
     * Adds {@code alertCount} alerts in batches while killing the active replica {@code kills} times. With one
     * replica, the killed one is started again; with two, the standby must take over and the killed one comes
     * back as the new standby. {@code halfway} runs once in the middle.
     */
    Result run(int alertCount, int kills, int replicaCount, Runnable halfway) {
        Instant begin = Instant.now();
        for (int i = 0; i < replicaCount; i++) {
            replicas.add(startReplica());
        }
        int batchCount = Math.max(8, kills * 4);
        int perBatch = (alertCount + batchCount - 1) / batchCount;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < alertCount; i++) {
            ids.add(TestIds.alertId());
        }
        List<Integer> killAfter = new ArrayList<>();
        for (int k = 1; k <= kills; k++) {
            killAfter.add(k * batchCount / (kills + 1));
        }
        int halfwayAfter = batchCount / 2;
        List<String> added = new ArrayList<>();
        long published = 0;
        Duration longestTakeover = Duration.ZERO;
        int killed = 0;
        for (int b = 0; b < batchCount && added.size() < alertCount; b++) {
            List<String> batchIds = ids.subList(added.size(), Math.min(alertCount, added.size() + perBatch));
            simulator.addAlerts(batch(batchIds));
            added.addAll(batchIds);
            moveSomeAlerts(added);
            if (b == halfwayAfter && halfway != null) {
                LOG.log(System.Logger.Level.INFO, "Half way: " + added.size() + " alerts added");
                halfway.run();
            }
            for (int k = 0; k < killAfter.size(); k++) {
                if (killAfter.get(k) == b) {
                    long before = published;
                    // Kill while the poller is at work: only once it has published something since the last kill.
                    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                            .until(() -> endOffset() > before);
                    published = endOffset();
                    longestTakeover = max(longestTakeover, killActive(replicaCount));
                    killed++;
                }
            }
        }
        await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1))
                .until(() -> detectedPerAlert().keySet().containsAll(ids));
        // A few more polls, each of which sees the last alerts again inside the overlap: still once each.
        ServiceProcess active = await().atMost(PATIENCE).until(this::active, Optional::isPresent).orElseThrow();
        double polls = successfulPolls(active);
        await().atMost(PATIENCE).until(() -> successfulPolls(active) >= polls + 3);
        return new Result(detectedPerAlert(), ids, killed, longestTakeover, Duration.between(begin, Instant.now()));
    }

    /** One batch, timed now: a third of the batches start with a burst of one timestamp, larger than a page. */
    private List<Map<String, Object>> batch(List<String> ids) {
        boolean burst = random.nextInt(3) == 0;
        Instant burstTime = Instant.now().minusMillis(random.nextInt(2_000));
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            batch.add(alert(ids.get(i), burst && i < PAGE_SIZE * 3 / 2 ? burstTime : null));
        }
        return batch;
    }

    private Map<String, Object> alert(String id, Instant updated) {
        Map<String, Object> alert = new LinkedHashMap<>();
        alert.put("id", id);
        alert.put("severity", random.nextInt(4) == 0 ? "High" : "Low");
        alert.put("title", "crash test alert");
        if (updated != null) {
            alert.put("alertCreationTime", updated.toString());
            alert.put("lastUpdateTime", updated.toString());
        }
        // Ingestion delay: the alert keeps its time but the API shows it only later, inside the overlap.
        alert.put("visibleAfter", random.nextInt(MAX_DELAY_SECONDS + 1) + "s");
        return alert;
    }

    /** Updates a few alerts already added: each moves to the end of the lastUpdateTime order. */
    private void moveSomeAlerts(List<String> added) {
        for (int i = 0; i < 3; i++) {
            String id = added.get(random.nextInt(added.size()));
            simulator.updateAlert(id, Map.of("status", "InProgress"));
        }
    }

    private Duration killActive(int replicaCount) {
        ServiceProcess active = await().atMost(PATIENCE).until(this::active, Optional::isPresent).orElseThrow();
        LOG.log(System.Logger.Level.INFO, "SIGKILL " + active.name() + " (pid " + active.pid() + ")");
        active.kill();
        replicas.remove(active);
        Instant killedAt = Instant.now();
        if (replicaCount == 1) {
            replicas.add(startReplica());
            return Duration.ZERO;
        }
        ServiceProcess successor = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100))
                .until(this::active, Optional::isPresent).orElseThrow();
        Duration takeover = Duration.between(killedAt, Instant.now());
        LOG.log(System.Logger.Level.INFO, successor.name() + " took over after " + takeover.toMillis() + " ms");
        replicas.add(startReplica()); // two replicas throughout: the killed one comes back as the standby
        return takeover;
    }

    private ServiceProcess startReplica() {
        return ServiceProcess.module("alert-poller").name("alert-poller-" + (++started)).env(env).start();
    }

    /** The replica whose readiness says it is the active one. */
    Optional<ServiceProcess> active() {
        return replicas.stream().filter(r -> r.isAlive() && get(r, "/q/health/ready").contains("\"active\""))
                .findFirst();
    }

    List<ServiceProcess> replicas() {
        return List.copyOf(replicas);
    }

    double successfulPolls(ServiceProcess replica) {
        Matcher matcher = SUCCESSFUL_POLLS.matcher(get(replica, "/q/metrics"));
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    String get(ServiceProcess replica, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(replica.managementUrl() + path))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Committed AlertDetected records per alert id, over the whole topic. */
    Map<String, Long> detectedPerAlert() {
        List<ConsumerRecord<String, AlertNewEvent>> records = TopicReader.readAll(bootstrapServers, alertsTopic,
                new StringDeserializer(), new AlertNewEventDeserializer());
        return records.stream().filter(r -> r.value() instanceof AlertDetected)
                .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
    }

    private long endOffset() {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(alertsTopic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(alertsTopic, p.partition())).toList();
            return consumer.endOffsets(partitions, Duration.ofSeconds(10)).values().stream()
                    .mapToLong(Long::longValue).sum();
        } catch (RuntimeException e) {
            return -1; // broker restarting
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    @Override
    public void close() {
        replicas.forEach(ServiceProcess::close);
        simulatorProcess.close();
    }
}
