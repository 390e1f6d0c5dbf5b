package io.mderesponse.decision.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.contracts.defender.IsolationType;
import io.mderesponse.contracts.defender.ScanType;
import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.contracts.event.MachineActionType;
import io.mderesponse.contracts.event.RequestIds;
import io.mderesponse.contracts.event.RequestedAction;
import io.mderesponse.contracts.serde.EventJson;
import io.mderesponse.contracts.topic.TopicDefinition;
import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.decision.Samples;
import io.mderesponse.testsupport.kafka.TestTopics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Guard state written before machine actions other than isolation existed, read by this version on the real broker:
 * an isolation window keyed by machine id, budget claims without actions and a hold without a plan keep their
 * meaning, next to the windows and claims of the other kinds.
 */
class GuardStateCompatibilityTest {

    private final TestGuardConfig config = TestGuardConfig.withOwnTopics();
    private GuardStore store;

    @BeforeEach
    void createTopics() {
        config.createTopics();
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    @Test
    void anIsolationWindowOfBeforeIsStillTheMachinesIsolationWindowAndNoOtherKinds() {
        String machine = Samples.uniqueMachineId();
        UUID request = UUID.randomUUID();
        write(Topics.DECISION_GUARDS, machine, """
                {"machineId":"%s","requestId":"%s","decisionId":"%s","isolatedAt":"%s","status":"ENDED"}
                """.formatted(machine, request, UUID.randomUUID(), Instant.now()));

        store = open();

        MachineGuard isolation = store.machine(machine).orElseThrow();
        assertThat(isolation.actionKind()).isEqualTo(MachineActionKind.ISOLATE);
        assertThat(isolation.requestId()).isEqualTo(request);
        assertThat(isolation.key()).isEqualTo(machine);
        assertThat(store.window(machine, MachineActionKind.ANTIVIRUS_SCAN, null)).isEmpty();

        MachineGuard scan = new MachineGuard(machine, UUID.randomUUID(), UUID.randomUUID(), Instant.now(),
                MachineGuard.Status.PENDING, MachineActionKind.ANTIVIRUS_SCAN, null);
        store.putMachine(scan);
        assertThat(store.window(machine, MachineActionKind.ANTIVIRUS_SCAN, null)).contains(scan);
        assertThat(store.machine(machine)).contains(isolation);
    }

    @Test
    void budgetClaimsOfBeforeCountAsIsolationsOnlyAgainstIsolationsCap() {
        Instant now = Instant.now();
        for (int i = 0; i < 2; i++) {
            write(Topics.ISOLATION_BUDGET, "isolations", """
                    {"requestId":"%s","machineId":"%s","decisionId":"%s","claimedAt":"%s","approved":false}
                    """.formatted(UUID.randomUUID(), Samples.uniqueMachineId(), UUID.randomUUID(), now));
        }

        store = open();

        assertThat(store.isolationsInWindow()).isEqualTo(2);
        RequestedAction isolate = RequestedAction.isolate(UUID.randomUUID(), IsolationType.Full);
        assertThat(store.claim(BudgetClaim.of(List.of(isolate), Samples.uniqueMachineId(), UUID.randomUUID(), now,
                false))).as("the cap of 2 isolations is used up").isFalse();
        assertThat(store.overCap(isolate.requestId())).containsExactly(MachineActionKind.ISOLATE);
        RequestedAction scan = RequestedAction.antivirusScan(UUID.randomUUID(), ScanType.Quick);
        assertThat(store.claim(BudgetClaim.of(List.of(scan), Samples.uniqueMachineId(), UUID.randomUUID(), now,
                false))).as("scans have a cap of their own").isTrue();
    }

    @Test
    void aHoldOfBeforeIsFoundByItsIsolationRequestId() {
        HeldDecision hold = TestHolds.waiting(Instant.now(), Instant.now().plus(Duration.ofHours(1)));
        String json = EventJson.toJson(hold).replace(",\"machineActions\":null", "");
        assertThat(json).doesNotContain("machineActions");
        write(Topics.DECISION_APPROVALS, hold.held().decisionId().toString(), json);

        store = open();

        UUID isolation = RequestIds.forAlert(hold.held().correlationId(), TestHolds.RULE, MachineActionType.Isolate);
        assertThat(store.heldFor(isolation)).map(h -> h.held().decisionId()).contains(hold.held().decisionId());
        assertThat(store.heldFor(isolation).orElseThrow().held().plan()).extracting(RequestedAction::requestId)
                .containsExactly(isolation);
    }

    private GuardStore open() {
        return new GuardStore(TestTopics.kafka(), config, Duration.ofDays(7), Clock.systemUTC());
    }

    private void write(TopicDefinition topic, String key, String json) {
        Map<String, Object> settings = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestTopics.kafka().get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings, new StringSerializer(),
                new StringSerializer())) {
            producer.send(new ProducerRecord<>(GuardStore.nameOf(topic, config), key, json.strip())).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
