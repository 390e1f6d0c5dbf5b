package io.mderesponse.contracts.defender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mderesponse.contracts.Samples;
import io.mderesponse.contracts.serde.EventJson;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The API reference's examples parse into the records, ignoring fields Defender adds. */
class DefenderEntitiesTest {

    @Test
    void theDocumentedAlertExampleParsesWithItsEvidence() {
        DefenderAlert alert = Samples.alert();

        assertThat(alert.id()).isEqualTo("da637472900382838869_1364969609");
        assertThat(alert.incidentId()).isEqualTo(1126093L);
        assertThat(alert.severity()).isEqualTo(Severity.Low);
        assertThat(alert.investigationState()).isEqualTo("Queued");
        assertThat(alert.alertCreationTime()).isEqualTo(Instant.parse("2021-01-26T20:33:57.7220239Z"));
        assertThat(alert.mitreTechniques()).containsExactly("T1064", "T1085", "T1220");
        assertThat(alert.relatedUser()).isEqualTo(new RelatedUser("temp123", "DOMAIN"));
        assertThat(alert.comments()).singleElement().extracting(AlertComment::createdBy)
                .isEqualTo("secop123@contoso.com");
        assertThat(alert.evidence()).singleElement().satisfies(evidence -> {
            assertThat(evidence.entityType()).isEqualTo("Process");
            assertThat(evidence.processId()).isEqualTo(3276L);
            assertThat(evidence.filePath()).isEqualTo("C:\\Windows\\SysWOW64");
        });
        assertThat(alert.loggedOnUsers()).containsExactly(new LoggedOnUser("temp123", "DOMAIN"));
    }

    @Test
    void domainsOfAnUndocumentedShapeAreKeptAsTheirJsonTextRatherThanFailingTheAlert() {
        DefenderAlert alert = EventJson.fromJson("{\"id\":\"a\",\"domains\":[\"contoso.com\",{\"name\":\"x\"}]}",
                DefenderAlert.class);

        assertThat(alert.domains()).containsExactly("contoso.com", "{\"name\":\"x\"}");
    }

    @Test
    void theDocumentedMachineExampleParses() {
        DefenderMachine machine = Samples.machine();

        assertThat(machine.id()).isEqualTo(Samples.MACHINE_ID);
        assertThat(machine.isAadJoined()).isTrue();
        assertThat(machine.isExcluded()).isFalse();
        assertThat(machine.osBuild()).isEqualTo(19042L);
        assertThat(machine.rbacGroupId()).isEqualTo(140L);
        assertThat(machine.machineTags()).containsExactly("Tag1", "Tag2");
        assertThat(machine.ipAddresses()).containsExactly(
                new IpAddress("10.166.113.47", "8CEC4B897E73", null, "Up"));
    }

    @Test
    void booleanIsFieldsKeepTheirApiNamesInJson() {
        assertThat(EventJson.toJson(Samples.machine())).contains("\"isAadJoined\":true", "\"isExcluded\":false");
    }

    @Test
    void absentArraysReadAsEmptyLists() {
        DefenderAlert alert = EventJson.fromJson("{\"id\":\"a\"}", DefenderAlert.class);
        DefenderMachine machine = EventJson.fromJson("{\"id\":\"" + Samples.MACHINE_ID + "\"}",
                DefenderMachine.class);

        assertThat(alert.evidence()).isEmpty();
        assertThat(alert.mitreTechniques()).isEmpty();
        assertThat(alert.loggedOnUsers()).isEmpty();
        assertThat(alert.domains()).isEmpty();
        assertThat(machine.machineTags()).isEmpty();
    }

    @Test
    void enumLikeFieldsOtherThanSeverityAcceptValuesDefenderAddsLater() {
        DefenderAlert alert = EventJson.fromJson(
                "{\"id\":\"a\",\"status\":\"Escalated\",\"detectionSource\":\"SomethingNew\"}", DefenderAlert.class);

        assertThat(alert.status()).isEqualTo("Escalated");
    }

    @Test
    void anUnknownSeverityIsAnErrorNotSilentlyLow() {
        // A guessed severity could skip an isolation; the poller sends such an alert to its DLQ instead.
        assertThatThrownBy(() -> EventJson.fromJson("{\"id\":\"a\",\"severity\":\"Critical\"}", DefenderAlert.class))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("Critical");
    }

    @Test
    void anEntityWithoutIdIsRefused() {
        assertThatThrownBy(() -> EventJson.fromJson("{\"title\":\"x\"}", DefenderAlert.class))
                .hasMessageContaining("DefenderAlert.id is required");
    }
}
