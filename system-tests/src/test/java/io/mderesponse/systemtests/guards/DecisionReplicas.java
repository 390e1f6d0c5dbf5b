package io.mderesponse.systemtests.guards;

import io.mderesponse.contracts.defender.DefenderAlert;
import io.mderesponse.contracts.defender.DefenderMachine;
import io.mderesponse.contracts.event.AlertEnriched;
import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.MachineActionRequested;
import io.mderesponse.contracts.serde.DecisionMadeDeserializer;
import io.mderesponse.contracts.serde.EventJson;
import io.mderesponse.contracts.serde.JsonEventSerializer;
import io.mderesponse.contracts.serde.MachineActionRequestedDeserializer;
import io.mderesponse.testsupport.defender.SampleData;
import io.mderesponse.testsupport.defender.TestIds;
import io.mderesponse.testsupport.kafka.SharedKafkaBroker;
import io.mderesponse.testsupport.kafka.TopicReader;
import io.mderesponse.testsupport.process.ServiceProcess;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Packaged decision-service replicas of one test run: topics and guard state topics of the run's own (so runs do not
 * see each other), High alerts sent to their enriched topic, and what they published.
 */
final class DecisionReplicas {

    private final String bootstrap = SharedKafkaBroker.bootstrapServers();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String enriched = "guards-" + run + ".enriched";
    private final String decisions = "guards-" + run + ".decisions";
    private final String requested = "guards-" + run + ".requested";
    private final Map<String, String> env = new LinkedHashMap<>();

    /** Replicas isolating at most {@code cap} machines per hour, with {@code settings} on top (variable, value). */
    DecisionReplicas(int cap, Map<String, String> settings) {
        env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        env.put("TOPICS_ALERTS_ENRICHED", enriched);
        env.put("TOPICS_DECISIONS", decisions);
        env.put("TOPICS_ACTIONS_REQUESTED", requested);
        env.put("TOPICS_ACTIONS_RESULTS", "guards-" + run + ".results");
        env.put("GUARD_STATE_TOPIC_SUFFIX", ".guards-" + run);
        env.put("GUARD_MAX_ISOLATIONS_PER_HOUR", Integer.toString(cap));
        env.put("GUARD_CAP_WINDOW", "1h");
        env.putAll(settings);
    }

    String bootstrap() {
        return bootstrap;
    }

    String enrichedTopic() {
        return enriched;
    }

    ServiceProcess start(String name) {
        return ServiceProcess.module("decision-service").name("decision-" + name + "-" + run).env(env).start();
    }

    /** Sends a High alert on {@code machineId} as enrichment would; answers its alert id. */
    String sendHighAlert(String machineId) {
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
        return alert.id();
    }

    /** Every decision published so far, oldest first. */
    List<DecisionMade> decisions() {
        return TopicReader.readAll(bootstrap, decisions, new StringDeserializer(), new DecisionMadeDeserializer())
                .stream().map(ConsumerRecord::value).sorted(Comparator.comparing(DecisionMade::occurredAt)).toList();
    }

    /** Every machine action request published so far. */
    List<MachineActionRequested> requests() {
        return TopicReader.readAll(bootstrap, requested, new StringDeserializer(),
                new MachineActionRequestedDeserializer()).stream().map(ConsumerRecord::value).toList();
    }
}
