package io.mderesponse.bench;

import static org.awaitility.Awaitility.await;

import io.mderesponse.contracts.defender.Severity;
import io.mderesponse.contracts.event.AlertSummary;
import io.mderesponse.contracts.event.Event;
import io.mderesponse.contracts.event.FinalStatus;
import io.mderesponse.contracts.event.MachineActionCompleted;
import io.mderesponse.contracts.event.MachineActionType;
import io.mderesponse.contracts.serde.JsonEventSerializer;
import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.testsupport.defender.TestIds;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The notifier alone at full input: {@code count} isolation results of distinct alerts written at once to its
 * input topic, timed from the first write to the last email the SMTP server received. In the throughput scenario
 * the notifier only gets the 10 % High alerts at the rate the stages before it deliver them, so its own speed does
 * not show there.
 */
final class NotifierBurst {

    private NotifierBurst() {
    }

    static Results.NotifierBurst run(Stack stack, int count, Duration patience) {
        int before = Mailbox.count(stack.system.mail);
        Instant start = Instant.now();
        try (KafkaProducer<String, MachineActionCompleted> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers(),
                        ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new JsonEventSerializer<>())) {
            for (int i = 0; i < count; i++) {
                MachineActionCompleted result = result();
                producer.send(new ProducerRecord<>(Topics.ACTIONS_RESULTS.defaultName(), result.kafkaKey(), result));
            }
        }
        await("every result of the burst emailed").atMost(patience).pollInterval(Duration.ofMillis(200))
                .until(() -> Mailbox.count(stack.system.mail) - before >= count);
        double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;
        return new Results.NotifierBurst(count, seconds, count / seconds);
    }

    private static MachineActionCompleted result() {
        String alertId = TestIds.alertId();
        String machineId = TestIds.machineId();
        Instant now = Instant.now();
        AlertSummary alert = new AlertSummary(alertId, "Burst alert " + alertId, Severity.High, "Execution",
                "WindowsDefenderAtp", machineId, "ws-" + machineId.substring(0, 6) + ".contoso.com", "Workstations",
                now, now.minusSeconds(60), now.minusSeconds(30));
        return new MachineActionCompleted(UUID.randomUUID(), alertId, now, Event.SCHEMA_VERSION, UUID.randomUUID(),
                UUID.randomUUID(), MachineActionType.Isolate, machineId, alert, List.of(),
                UUID.randomUUID().toString(), FinalStatus.Succeeded, null, now.minusSeconds(5), now, null, null, null);
    }
}
