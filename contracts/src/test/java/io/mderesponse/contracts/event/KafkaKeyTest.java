package io.mderesponse.contracts.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.contracts.Samples;
import io.mderesponse.contracts.defender.DefenderAlert;
import io.mderesponse.contracts.serde.EventJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each event's key follows the architecture's topic table, so a machine's events stay in one partition. */
class KafkaKeyTest {

    @Test
    void alertsNewIsKeyedByAlertId() {
        assertThat(AlertDetected.from(Samples.alert()).kafkaKey()).isEqualTo(Samples.ALERT_ID);
    }

    @Test
    void anEnrichedAlertIsKeyedByMachineIdElseAlertId() {
        DefenderAlert withoutMachine = EventJson.fromJson("{\"id\":\"alert-9\"}", DefenderAlert.class);

        assertThat(AlertEnriched.of(Samples.alert(), Samples.machine()).kafkaKey()).isEqualTo(Samples.MACHINE_ID);
        assertThat(AlertEnriched.of(Samples.alert(), null).kafkaKey()).isEqualTo(Samples.MACHINE_ID);
        assertThat(AlertEnriched.of(withoutMachine, null).kafkaKey()).isEqualTo("alert-9");
    }

    @Test
    void huntingEventsAreKeyedByDeviceIdElseRowKey() {
        HuntingRowFound withDevice = HuntingRowFound.of("q", Samples.T0, "q:1", Samples.MACHINE_ID, Map.of());
        HuntingRowFound withoutDevice = HuntingRowFound.of("q", Samples.T0, "q:2", null, Map.of());

        assertThat(withDevice.kafkaKey()).isEqualTo(Samples.MACHINE_ID);
        assertThat(withoutDevice.kafkaKey()).isEqualTo("q:2");
        assertThat(HuntingRowEnriched.of(withoutDevice, null).kafkaKey()).isEqualTo("q:2");
    }

    @Test
    void aDecisionIsKeyedByMachineIdElseCorrelationId() {
        DecisionMade aboutMachine = (DecisionMade) Samples.full(EventType.DECISION_MADE);
        DecisionMade withoutMachine = DecisionMade.forAlert(
                new AlertSummary("alert-9", null, null, null, null, null, null, null, null, null, null), null, "v1",
                Map.of(), List.of(), null, DecisionOutcome.NO_MATCH, List.of(), null);

        assertThat(aboutMachine.kafkaKey()).isEqualTo(Samples.MACHINE_ID);
        assertThat(withoutMachine.kafkaKey()).isEqualTo("alert-9");
    }

    @Test
    void actionsAreKeyedByMachineId() {
        assertThat(Samples.full(EventType.MACHINE_ACTION_REQUESTED).kafkaKey()).isEqualTo(Samples.MACHINE_ID);
        assertThat(Samples.full(EventType.MACHINE_ACTION_COMPLETED).kafkaKey()).isEqualTo(Samples.MACHINE_ID);
    }
}
