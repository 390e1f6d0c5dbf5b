package io.mderesponse.poller.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.contracts.defender.DefenderAlert;
import io.mderesponse.contracts.event.AlertDetected;
import io.mderesponse.contracts.event.AlertSeverityRaised;
import io.mderesponse.contracts.serde.EventJson;
import io.mderesponse.defender.client.query.AlertQuery;
import io.mderesponse.poller.state.PollerState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertPollerTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final Instant T = Instant.parse("2026-11-27T11:59:00Z");

    private final List<DefenderAlert> defender = new ArrayList<>();
    private final List<AlertQuery> queries = new ArrayList<>();
    private final AlertPoller poller = new AlertPoller(this::page, Duration.ofMinutes(5), Duration.ofHours(1), 2);

    @Test
    void theFirstPollLooksBackTheInitialLookbackAndPagesUntilAShortPage() {
        defender.addAll(List.of(alert("a1", "High", T), alert("a2", "Low", T), alert("a3", "Low", T)));

        PollResult result = poller.poll(new PollerState(), NOW);

        assertThat(result.events()).extracting(e -> e.alertId()).containsExactly("a1", "a2", "a3");
        assertThat(result.pages()).isEqualTo(2);
        assertThat(queries.get(0).filter()).contains("lastUpdateTime ge 2026-11-27T11:00:00Z");
        assertThat(queries.get(1).skip()).hasValue(2);
        assertThat(result.update().watermark()).contains(T);
    }

    @Test
    void alertsAlreadyPublishedAreSkippedAndTheOverlapStartsBeforeTheWatermark() {
        defender.addAll(List.of(alert("a1", "High", T), alert("a2", "Low", T)));
        PollerState state = new PollerState();
        state.apply(poller.poll(state, NOW).update());
        queries.clear();
        defender.add(alert("a4", "Medium", T.plusSeconds(1)));

        PollResult second = poller.poll(state, NOW.plusSeconds(30));

        assertThat(second.events()).extracting(e -> e.alertId()).containsExactly("a4");
        assertThat(queries.get(0).filter()).contains("lastUpdateTime ge 2026-11-27T11:54:00Z");
    }

    @Test
    void aRaisedSeverityIsPublishedAsAnEscalationButALoweredOneIsNot() {
        defender.addAll(List.of(alert("a1", "Low", T), alert("a2", "High", T)));
        PollerState state = new PollerState();
        state.apply(poller.poll(state, NOW).update());
        defender.clear();
        defender.addAll(List.of(alert("a1", "High", T.plusSeconds(5)), alert("a2", "Low", T.plusSeconds(5))));

        PollResult result = poller.poll(state, NOW.plusSeconds(30));

        assertThat(result.events()).hasSize(1);
        assertThat(result.events().get(0)).isInstanceOf(AlertSeverityRaised.class);
        assertThat(result.events().get(0).alertId()).isEqualTo("a1");
    }

    @Test
    void anAlertWithAnInvalidIdIsRejectedWithTheReasonAndTheOthersArePublished() {
        defender.addAll(List.of(alert("../../etc", "High", T), alert("ok1", "High", T)));

        PollResult result = poller.poll(new PollerState(), NOW);

        assertThat(result.events()).singleElement().isInstanceOf(AlertDetected.class);
        assertThat(result.rejected()).singleElement().satisfies(rejected -> {
            assertThat(rejected.json()).contains("../../etc");
            assertThat(rejected.reason()).isNotBlank();
        });
    }

    private List<DefenderAlert> page(AlertQuery query) {
        queries.add(query);
        int skip = query.skip().orElse(0);
        int top = query.top().orElseThrow();
        return defender.subList(Math.min(skip, defender.size()), Math.min(skip + top, defender.size()));
    }

    private static DefenderAlert alert(String id, String severity, Instant updated) {
        return EventJson.fromJson("""
                {"id":"%s","severity":"%s","title":"t","alertCreationTime":"%s","lastUpdateTime":"%s"}
                """.formatted(id, severity, updated, updated), DefenderAlert.class);
    }
}
