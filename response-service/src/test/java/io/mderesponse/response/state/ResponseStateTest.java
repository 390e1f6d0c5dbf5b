package io.mderesponse.response.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.contracts.event.FinalStatus;
import io.mderesponse.contracts.serde.EventJson;
import io.mderesponse.response.request.ActionRequest;
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
}
