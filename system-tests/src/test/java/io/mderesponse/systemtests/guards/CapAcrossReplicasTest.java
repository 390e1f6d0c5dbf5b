package io.mderesponse.systemtests.guards;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.DecisionOutcome;
import io.mderesponse.testsupport.defender.TestIds;
import io.mderesponse.testsupport.process.ServiceProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Two packaged decision-service JVMs share one hourly cap (the single-partition budget log) and the machine
 * windows; both survive a restart, because their state is in Kafka.
 */
class CapAcrossReplicasTest {

    private static final int CAP = 3;
    private final DecisionReplicas replicas = new DecisionReplicas(CAP, Map.of());

    @Test
    void twoReplicasGrantAtMostTheCapBetweenThemAndTheCapAndWindowSurviveARestart() throws Exception {
        List<String> machines = new ArrayList<>();
        try (ServiceProcess a = replicas.start("a"); ServiceProcess b = replicas.start("b")) {
            for (int i = 0; i < 8; i++) {
                machines.add(TestIds.machineId());
            }
            awaitBothReplicasConsume();
            machines.forEach(replicas::sendHighAlert);

            List<DecisionMade> made = awaitDecisions(8);
            assertThat(made).filteredOn(d -> d.outcome() == DecisionOutcome.ACTED).hasSize(CAP);
            assertThat(made).filteredOn(d -> d.outcome() == DecisionOutcome.HELD).hasSize(8 - CAP);
            assertThat(a.log()).contains("Decided alert=");
            assertThat(b.log()).contains("Decided alert=");
        }
        String isolated = awaitDecisions(8).stream().filter(d -> d.outcome() == DecisionOutcome.ACTED)
                .findFirst().orElseThrow().machineId();

        try (ServiceProcess restarted = replicas.start("a-restarted")) {
            // Found by alert id: a record whose offset commit was lost in the stop's rebalance is decided again
            // by the restarted replica (at least once), so its decisions are not simply the last two.
            Set<String> sentAfterRestart = Set.of(replicas.sendHighAlert(TestIds.machineId()),
                    replicas.sendHighAlert(isolated));
            List<DecisionMade> after = Awaitility.await().atMost(Duration.ofSeconds(90))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> replicas.decisions().stream()
                            .filter(d -> d.alert() != null && sentAfterRestart.contains(d.alert().alertId())).toList(),
                            decided -> decided.size() >= 2);
            assertThat(after).extracting(DecisionMade::outcome)
                    .containsExactlyInAnyOrder(DecisionOutcome.HELD, DecisionOutcome.SUPPRESSED);
            assertThat(after).filteredOn(d -> d.outcome() == DecisionOutcome.SUPPRESSED)
                    .extracting(DecisionMade::machineId).containsExactly(isolated);
        }
    }

    /** Both replicas hold partitions of the enriched topic, so both decide (and both claim on the budget). */
    private void awaitBothReplicasConsume() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, replicas.bootstrap()))) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> admin
                    .describeConsumerGroups(List.of("decision-service")).all().get().get("decision-service")
                    .members().stream().filter(m -> m.assignment().topicPartitions().stream()
                            .anyMatch(tp -> tp.topic().equals(replicas.enrichedTopic()))).count() >= 2);
        }
    }

    private List<DecisionMade> awaitDecisions(int count) {
        return Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(replicas::decisions, list -> list.size() >= count);
    }
}
