package io.mderesponse.systemtests.guards;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.contracts.defender.DefenderAlert;
import io.mderesponse.contracts.defender.DefenderMachine;
import io.mderesponse.contracts.event.AlertEnriched;
import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.DecisionOutcome;
import io.mderesponse.contracts.serde.DecisionMadeDeserializer;
import io.mderesponse.contracts.serde.EventJson;
import io.mderesponse.contracts.serde.JsonEventSerializer;
import io.mderesponse.testsupport.defender.SampleData;
import io.mderesponse.testsupport.defender.TestIds;
import io.mderesponse.testsupport.kafka.SharedKafkaBroker;
import io.mderesponse.testsupport.kafka.TopicReader;
import io.mderesponse.testsupport.process.ServiceProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Two packaged decision-service JVMs share one hourly cap (the single-partition budget log) and the machine
 * windows; both survive a restart, because their state is in Kafka.
 */
class CapAcrossReplicasTest {

    private static final int CAP = 3;
    private final String bootstrap = SharedKafkaBroker.bootstrapServers();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String enriched = "guards-" + run + ".enriched";
    private final String decisions = "guards-" + run + ".decisions";

    @Test
    void twoReplicasGrantAtMostTheCapBetweenThemAndTheCapAndWindowSurviveARestart() throws Exception {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("TOPICS_ALERTS_ENRICHED", enriched);
        env.put("TOPICS_DECISIONS", decisions);
        env.put("TOPICS_ACTIONS_REQUESTED", "guards-" + run + ".requested");
        env.put("TOPICS_ACTIONS_RESULTS", "guards-" + run + ".results");
        env.put("GUARD_STATE_TOPIC_SUFFIX", ".guards-" + run);
        env.put("GUARD_MAX_ISOLATIONS_PER_HOUR", Integer.toString(CAP));
        env.put("GUARD_CAP_WINDOW", "1h");

        List<String> machines = new ArrayList<>();
        try (ServiceProcess a = replica("a", env); ServiceProcess b = replica("b", env)) {
            for (int i = 0; i < 8; i++) {
                machines.add(TestIds.machineId());
            }
            awaitBothReplicasConsume();
            machines.forEach(this::sendHighAlert);

            List<DecisionMade> made = awaitDecisions(8);
            assertThat(made).filteredOn(d -> d.outcome() == DecisionOutcome.ACTED).hasSize(CAP);
            assertThat(made).filteredOn(d -> d.outcome() == DecisionOutcome.HELD).hasSize(8 - CAP);
            assertThat(a.log()).contains("Decided alert=");
            assertThat(b.log()).contains("Decided alert=");
        }
        String isolated = awaitDecisions(8).stream().filter(d -> d.outcome() == DecisionOutcome.ACTED)
                .findFirst().orElseThrow().machineId();

        try (ServiceProcess restarted = replica("a-restarted", env)) {
            sendHighAlert(TestIds.machineId());
            sendHighAlert(isolated);
            List<DecisionMade> after = awaitDecisions(10).subList(8, 10);
            assertThat(after).extracting(DecisionMade::outcome)
                    .containsExactlyInAnyOrder(DecisionOutcome.HELD, DecisionOutcome.SUPPRESSED);
            assertThat(after).filteredOn(d -> d.outcome() == DecisionOutcome.SUPPRESSED)
                    .extracting(DecisionMade::machineId).containsExactly(isolated);
        }
    }

    /** Both replicas hold partitions of the enriched topic, so both decide (and both claim on the budget). */
    private void awaitBothReplicasConsume() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> admin
                    .describeConsumerGroups(List.of("decision-service")).all().get().get("decision-service")
                    .members().stream().filter(m -> m.assignment().topicPartitions().stream()
                            .anyMatch(tp -> tp.topic().equals(enriched))).count() >= 2);
        }
    }

    private ServiceProcess replica(String name, Map<String, String> env) {
        return ServiceProcess.module("decision-service").name("decision-" + name + "-" + run).env(env).start();
    }

    private void sendHighAlert(String machineId) {
        DefenderAlert alert = EventJson.fromJson(EventJson.toJson(SampleData.alert(TestIds.alertId(), "High",
                machineId)), DefenderAlert.class);
        DefenderMachine machine = EventJson.fromJson(EventJson.toJson(SampleData.machine(machineId,
                "ws-" + machineId.substring(0, 6) + ".contoso.com")), DefenderMachine.class);
        AlertEnriched event = AlertEnriched.of(alert, machine);
        try (KafkaProducer<String, AlertEnriched> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(),
                new JsonEventSerializer<>())) {
            producer.send(new ProducerRecord<>(enriched, event.kafkaKey(), event)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private List<DecisionMade> awaitDecisions(int count) {
        return Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> TopicReader.readAll(bootstrap, decisions, new StringDeserializer(),
                        new DecisionMadeDeserializer()).stream().map(ConsumerRecord::value)
                        .sorted(java.util.Comparator.comparing(DecisionMade::occurredAt)).toList(),
                        list -> list.size() >= count);
    }
}
