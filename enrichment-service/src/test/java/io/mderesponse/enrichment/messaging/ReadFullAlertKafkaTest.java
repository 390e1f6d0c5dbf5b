package io.mderesponse.enrichment.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.contracts.defender.DefenderAlert;
import io.mderesponse.contracts.defender.LoggedOnUser;
import io.mderesponse.contracts.event.AlertDetected;
import io.mderesponse.contracts.event.AlertEnriched;
import io.mderesponse.defender.client.DefenderClient;
import io.mderesponse.testsupport.defender.CallFilter;
import io.mderesponse.testsupport.defender.DefenderSimulatorResource;
import io.mderesponse.testsupport.defender.SampleData;
import io.mderesponse.testsupport.defender.SimulatorAdmin;
import io.mderesponse.testsupport.defender.TestIds;
import io.mderesponse.testsupport.kafka.KafkaBrokerResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** With {@code enrichment.read-full-alert=always} (a rule reads a field the list lacks) every alert is read. */
@QuarkusTest
@TestProfile(ReadFullAlertKafkaTest.Always.class)
@WithTestResource(KafkaBrokerResource.class)
@WithTestResource(DefenderSimulatorResource.class)
class ReadFullAlertKafkaTest {

    /** The setting as an operator writes it. */
    public static class Always implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("enrichment.read-full-alert", "always");
        }
    }

    @ConfigProperty(name = "defender.api.base-url")
    String simulatorUrl;
    @Inject
    DefenderClient defender;

    @Test
    void anEventWithASnapshotIsStillReadOnceAndCarriesTheFieldsOnlyTheSingleReadHas() {
        SimulatorAdmin simulator = new SimulatorAdmin(simulatorUrl);
        String machineId = TestIds.machineId();
        String alertId = TestIds.alertId();
        simulator.addMachine(SampleData.machine(machineId, "ws-full.contoso.com"));
        simulator.addAlert(AlertSnapshotKafkaTest.alertWithExtras(alertId, "High", machineId));
        DefenderAlert listed = AlertSnapshotKafkaTest.listed(defender, alertId);

        try (KafkaCompanion kafka = AlertSnapshotKafkaTest.companion()) {
            AlertSnapshotKafkaTest.publish(kafka, AlertDetected.from(listed));

            AlertEnriched enriched = AlertSnapshotKafkaTest.awaitEnriched(kafka, alertId).value();
            assertThat(simulator.calls(CallFilter.path("/api/alerts/" + alertId))).hasSize(1);
            assertThat(enriched.alert().loggedOnUsers()).containsExactly(new LoggedOnUser("temp123", "DOMAIN"));
            assertThat(enriched.alert().domains()).containsExactly("contoso.com");
        }
    }
}
