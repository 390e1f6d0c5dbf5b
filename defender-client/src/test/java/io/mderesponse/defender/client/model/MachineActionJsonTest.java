package io.mderesponse.defender.client.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.contracts.event.MachineActionType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Machine actions read from the documented JSON, including the spellings older docs use. */
class MachineActionJsonTest {

    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void theDocumentedExampleReadsWithEveryField() throws Exception {
        MachineAction action = json.readValue("""
                {"@odata.context":"https://api.securitycenter.microsoft.com/api/$metadata#MachineActions/$entity",
                 "id":"5382f7ea-7557-4ab7-9782-d50480024a4e","type":"Isolate","scope":"Selective",
                 "requestor":"Analyst@TestPrd.onmicrosoft.com","requestorComment":"test for docs","status":"Succeeded",
                 "machineId":"7b1f4967d9728e5aa3c06a9e617a22a4a5a17378","computerDnsName":"desktop-test",
                 "creationDateTimeUtc":"2019-01-02T14:39:38.2262283Z",
                 "lastUpdateDateTimeUtc":"2019-01-02T14:40:44.6596267Z","relatedFileInfo":null,"externalID":"x-1"}
                """, MachineAction.class);

        assertThat(action.id()).isEqualTo("5382f7ea-7557-4ab7-9782-d50480024a4e");
        assertThat(action.typeIs(MachineActionType.Isolate)).isTrue();
        assertThat(action.scope()).isEqualTo("Selective");
        assertThat(action.status()).isEqualTo(MachineActionStatus.Succeeded);
        assertThat(action.creationDateTimeUtc()).isEqualTo(Instant.parse("2019-01-02T14:39:38.2262283Z"));
        assertThat(action.lastUpdateDateTimeUtc()).isEqualTo(Instant.parse("2019-01-02T14:40:44.6596267Z"));
        assertThat(action.externalId()).isEqualTo("x-1");
        assertThat(action.commands()).isEmpty();
    }

    @Test
    void theOldSpellingCanceledAndTheCollectionsTimestampNameAreAccepted() throws Exception {
        MachineAction action = json.readValue("""
                {"id":"5382f7ea-7557-4ab7-9782-d50480024a4e","type":"Unisolate","status":"Canceled",
                 "lastUpdateTimeUtc":"2019-01-02T14:40:44Z"}
                """, MachineAction.class);

        assertThat(action.status()).isEqualTo(MachineActionStatus.Cancelled);
        assertThat(action.status().isFinal()).isTrue();
        assertThat(action.lastUpdateDateTimeUtc()).isEqualTo(Instant.parse("2019-01-02T14:40:44Z"));
    }

    @Test
    void aQuarantineFromTheCollectionExampleReadsItsKindAndFile() throws Exception {
        MachineAction action = json.readValue("""
                {"id":"7f5f2e2a-3c52-4b84-a4b7-0a7d0c8b1c11","type":"StopAndQuarantineFile","scope":null,
                 "status":"Pending","relatedFileInfo":{"fileIdentifier":"87662bc3d60e4200ceaf7aae249d1c343f4b83c9",
                 "fileIdentifierType":"Sha1"}}
                """, MachineAction.class);

        assertThat(action.typeIs(MachineActionKind.STOP_AND_QUARANTINE_FILE)).isTrue();
        assertThat(action.typeIs(MachineActionKind.ANTIVIRUS_SCAN)).isFalse();
        assertThat(action.typeIs(MachineActionKind.UNKNOWN)).isFalse();
        assertThat(action.relatedFileInfo())
                .isEqualTo(new RelatedFileInfo("87662bc3d60e4200ceaf7aae249d1c343f4b83c9", "Sha1"));
    }

    @Test
    void everyKnownKindMatchesItsDefenderType() {
        for (MachineActionKind kind : MachineActionKind.values()) {
            MachineAction action = new MachineAction("5382f7ea-7557-4ab7-9782-d50480024a4e", kind.defenderType(),
                    null, null, null, null, null, MachineActionStatus.Pending, null, null, null, null, null, null, null,
                    null, null, null, null);
            assertThat(action.typeIs(kind)).as(kind.name()).isEqualTo(kind != MachineActionKind.UNKNOWN);
        }
    }

    @Test
    void onlyPendingAndInProgressAreStillOpen() {
        assertThat(MachineActionStatus.Pending.isFinal()).isFalse();
        assertThat(MachineActionStatus.InProgress.isFinal()).isFalse();
        assertThat(MachineActionStatus.TimeOut.isFinal()).isTrue();
    }
}
