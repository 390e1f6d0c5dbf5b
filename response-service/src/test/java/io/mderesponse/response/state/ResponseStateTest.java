package io.mderesponse.response.state;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mderesponse.contracts.event.FinalStatus;
import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.contracts.serde.EventJson;
import io.mderesponse.response.testing.RequestsAndResults;
import io.mderesponse.testsupport.defender.TestIds;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The state table ends at the topics' latest values whatever order reads and own writes arrive in. */
class ResponseStateTest {

    private final ResponseState state = new ResponseState();
    private final ActionRequest request = ActionRequest.of(RequestsAndResults.isolation(TestIds.machineId()));
    private final Instant now = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void anOlderRecordReadLaterDoesNotReplaceANewerOne() {
        RequestProgress tracking = RequestProgress.tracking(request, "a", now, now);
        RequestProgress completed = RequestProgress.completed(request, "a", now, FinalStatus.Succeeded, null, now);

        state.applyProgress(request.requestId(), completed, 7);
        state.applyProgress(request.requestId(), tracking, 5);

        assertThat(state.progress(request.requestId())).contains(completed);
        assertThat(state.tracking()).isEmpty();
    }

    @Test
    void aTombstoneIsNotRevivedByAnOlderRecord() {
        state.applyIntent(request.requestId(), null, 9);
        state.applyIntent(request.requestId(), RequestIntent.first(request, now), 4);

        assertThat(state.intent(request.requestId())).isEmpty();
    }

    @Test
    void stateRecordsSurviveTheirJsonRoundTrip() {
        RequestIntent intent = RequestIntent.first(request, now).next(now.plusSeconds(5));
        RequestProgress tracking = RequestProgress.tracking(request, "a", now, now.plusSeconds(6));

        assertThat(EventJson.fromJson(EventJson.toJson(intent), RequestIntent.class)).isEqualTo(intent);
        assertThat(EventJson.fromJson(EventJson.toJson(tracking), RequestProgress.class)).isEqualTo(tracking);
    }

    @Test
    void recordsWrittenBeforeOtherKindsExistedStillReadAsIsolation() {
        // As the version before other kinds wrote them: no kind, no responseRequest.
        RequestIntent intent = EventJson.fromJson(older(RequestIntent.first(request, now)), RequestIntent.class);
        RequestProgress tracking = EventJson.fromJson(older(RequestProgress.tracking(request, "a", now, now)),
                RequestProgress.class);
        RequestProgress completed = EventJson.fromJson(older(RequestProgress.completed(request, "a", now,
                FinalStatus.Succeeded, null, now)), RequestProgress.class);

        assertThat(intent.kind()).isEqualTo(MachineActionKind.ISOLATE);
        assertThat(intent.action()).isEqualTo(request);
        assertThat(tracking.kind()).isEqualTo(MachineActionKind.ISOLATE);
        assertThat(tracking.action()).isEqualTo(request);
        assertThat(completed.kind()).isEqualTo(MachineActionKind.ISOLATE);
        assertThat(completed.status()).isEqualTo(FinalStatus.Succeeded);
    }

    @Test
    void anIsolationRecordStillCarriesWhatAnOlderInstanceNeeds() {
        ObjectNode json = EventJson.newObjectMapper().valueToTree(RequestIntent.first(request, now));

        assertThat(json.path("type").asText()).isEqualTo("Isolate");
        assertThat(json.path("request").path("requestId").asText()).isEqualTo(request.requestId().toString());
    }

    @Test
    void aRecordOfAnotherKindSurvivesItsJsonRoundTrip() {
        ActionRequest scan = ActionRequest.of(RequestsAndResults.responseAction(TestIds.machineId(),
                MachineActionKind.ANTIVIRUS_SCAN));
        RequestIntent intent = RequestIntent.first(scan, now);
        RequestProgress tracking = RequestProgress.tracking(scan, "a", now, now);

        assertThat(EventJson.fromJson(EventJson.toJson(intent), RequestIntent.class)).isEqualTo(intent);
        assertThat(EventJson.fromJson(EventJson.toJson(tracking), RequestProgress.class).action()).isEqualTo(scan);
    }

    private static String older(Object record) {
        ObjectNode json = EventJson.newObjectMapper().valueToTree(record);
        json.remove("kind");
        json.remove("responseRequest");
        return json.toString();
    }
}
