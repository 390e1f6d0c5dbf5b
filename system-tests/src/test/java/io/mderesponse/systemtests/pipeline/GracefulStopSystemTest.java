package io.mderesponse.systemtests.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.MachineActionCompleted;
import io.mderesponse.contracts.serde.DecisionMadeDeserializer;
import io.mderesponse.contracts.serde.MachineActionCompletedDeserializer;
import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.kafka.broker.KafkaBroker;
import io.mderesponse.testsupport.defender.CallFilter;
import io.mderesponse.testsupport.defender.SampleData;
import io.mderesponse.testsupport.defender.SimulatorCall;
import io.mderesponse.testsupport.defender.TestIds;
import io.mderesponse.testsupport.kafka.TopicReader;
import io.mderesponse.testsupport.process.ServiceProcess;
import io.mderesponse.testsupport.system.RunningSystem;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/**
 * A rolling update in the middle of a stream: every consuming service gets SIGTERM while alerts flow and records
 * are in flight in each of them, and starts again. Every alert is still decided once, every High machine isolated
 * once and emailed once, and no record reaches a dead letter topic. A broker of its own, so its dead letter topics
 * hold only what this test caused.
 */
class GracefulStopSystemTest {

    private static final List<String> CONSUMING_SERVICES = List.of("enrichment-service", "decision-service",
            "response-service", "notifier-service");
    private static final int ALERTS = 120;
    /** Every fourth alert is High, each alert on a machine of its own: 30 isolations and 30 emails. */
    private static final int HIGH_EVERY = 4;
    private static final Duration BETWEEN_ALERTS = Duration.ofMillis(100);
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @Test
    void everyConsumingServiceStoppedWithSigtermMidStreamLosesRepeatsAndDeadLettersNothing() throws Exception {
        try (KafkaBroker broker = KafkaBroker.start();
                RunningSystem system = RunningSystem.builder().bootstrapServers(broker.bootstrapServers())
                        .services(servicesEnvironment()).simulator(simulatorEnvironment()).start()) {
            List<String> alerts = new ArrayList<>();
            Map<String, String> highMachines = new LinkedHashMap<>();
            CompletableFuture<Void> stream = new CompletableFuture<>();
            AtomicInteger next = new AtomicInteger();
            ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
            pacer.scheduleAtFixedRate(() -> {
                int i = next.getAndIncrement();
                if (i >= ALERTS) {
                    stream.complete(null);
                    return;
                }
                String machineId = TestIds.machineId();
                String alertId = TestIds.alertId();
                boolean high = i % HIGH_EVERY == 0;
                system.simulator.addMachine(SampleData.machine(machineId, "ws-" + i + ".contoso.com"));
                system.simulator.addAlert(SampleData.alert(alertId, high ? "High" : i % 2 == 0 ? "Medium" : "Low",
                        machineId));
                synchronized (alerts) {
                    alerts.add(alertId);
                    if (high) {
                        highMachines.put(machineId, alertId);
                    }
                }
            }, 0, BETWEEN_ALERTS.toMillis(), TimeUnit.MILLISECONDS);
            // Mid-stream: the first emails are out, so every stage has records in flight.
            await().atMost(PATIENCE).until(() -> system.mail.getReceivedMessages().length >= 3);

            List<CompletableFuture<ServiceProcess>> restarts = CONSUMING_SERVICES.stream()
                    .map(module -> CompletableFuture.supplyAsync(() -> system.restartService(module))).toList();
            CompletableFuture.allOf(restarts.toArray(CompletableFuture[]::new)).get();
            stream.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            pacer.shutdownNow();

            String bootstrap = broker.bootstrapServers();
            await().atMost(PATIENCE).until(() -> decisionsByAlert(bootstrap).keySet().containsAll(alerts));
            await().atMost(PATIENCE).until(() -> system.mail.getReceivedMessages().length >= highMachines.size());

            assertThat(decisionsByAlert(bootstrap)).as("DecisionMade per alert").allSatisfy(
                    (alert, count) -> assertThat(count).as(alert).isEqualTo(1L));
            List<MachineActionCompleted> results = results(bootstrap);
            assertThat(results).extracting(MachineActionCompleted::machineId)
                    .containsExactlyInAnyOrderElementsOf(highMachines.keySet());
            for (String machineId : highMachines.keySet()) {
                List<SimulatorCall> isolations = system.simulator.calls(
                        CallFilter.path("/api/machines/" + machineId + "/isolate").method("POST"));
                assertThat(isolations).as("isolate calls of " + machineId).hasSize(1);
            }
            // Exactly one email per action result: the notifier sent none twice and skipped none.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30))
                    .until(() -> system.mail.getReceivedMessages().length == highMachines.size());
            assertThat(emailedEventIds(system.mail.getReceivedMessages())).containsExactlyInAnyOrderElementsOf(
                    results.stream().map(result -> result.eventId().toString()).toList());
            assertThat(deadLetterTopics(bootstrap)).as("dead letter topics").isNotEmpty()
                    .allSatisfy(topic -> assertThat(TopicReader.readAll(bootstrap, topic, new StringDeserializer(),
                            new StringDeserializer())).as(topic).isEmpty());
            for (String module : CONSUMING_SERVICES) {
                assertThat(system.service(module).log()).as(module + " after the restart")
                        .doesNotContain("already been closed");
            }
        }
    }

    private static Map<String, String> servicesEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        // A compressed rate-limit "minute", so 120 alerts pass quickly under the default shares.
        env.put("DEFENDER_BUDGET_WINDOW", "2s");
        env.put("GUARD_MAX_ISOLATIONS_PER_HOUR", "100000");
        // One email per result, no storm digest: each email is counted.
        env.put("NOTIFIER_DIGEST_THRESHOLD", "100000");
        // A stopped consumer leaves its group at once; a restarted one joins quickly.
        env.put("KAFKA_SESSION_TIMEOUT_MS", "6000");
        env.put("KAFKA_HEARTBEAT_INTERVAL_MS", "1000");
        return env;
    }

    private static Map<String, String> simulatorEnvironment() {
        return Map.of("SIMULATOR_RATE_LIMIT_WINDOW", "2s", "SIMULATOR_ACTION_DELAY", "1s");
    }

    private static Map<String, Long> decisionsByAlert(String bootstrap) {
        return TopicReader.readAll(bootstrap, Topics.DECISIONS.defaultName(), new StringDeserializer(),
                        new DecisionMadeDeserializer()).stream()
                .map(record -> record.value())
                .collect(Collectors.groupingBy(DecisionMade::correlationId, Collectors.counting()));
    }

    private static List<MachineActionCompleted> results(String bootstrap) {
        return TopicReader.readAll(bootstrap, Topics.ACTIONS_RESULTS.defaultName(), new StringDeserializer(),
                new MachineActionCompletedDeserializer()).stream().map(record -> record.value()).toList();
    }

    private static List<String> emailedEventIds(MimeMessage[] emails) throws MessagingException {
        List<String> ids = new ArrayList<>();
        for (MimeMessage email : emails) {
            String[] header = email.getHeader("X-MDE-Response-Event-Id");
            ids.addAll(header == null ? List.of("(none)") : Arrays.asList(header));
        }
        return ids;
    }

    private static Set<String> deadLetterTopics(String bootstrap) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.listTopics().names().get().stream().filter(name -> name.endsWith(".dlq"))
                    .collect(Collectors.toSet());
        }
    }
}
