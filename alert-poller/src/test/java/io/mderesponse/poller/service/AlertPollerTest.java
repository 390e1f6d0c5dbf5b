package io.mderesponse.poller.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mderesponse.contracts.defender.DefenderAlert;
import io.mderesponse.contracts.event.AlertDetected;
import io.mderesponse.contracts.event.AlertNewEvent;
import io.mderesponse.contracts.event.AlertSeverityRaised;
import io.mderesponse.contracts.serde.EventJson;
import io.mderesponse.poller.state.PollerState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class AlertPollerTest {

    private static final Duration OVERLAP = Duration.ofMinutes(5);
    private static final Duration RETENTION = Duration.ofDays(30);

    private final FakeDefender defender = new FakeDefender();
    private final List<PollResult> committed = new ArrayList<>();
    private PollerState state = new PollerState();

    private AlertPoller poller(int pageSize) {
        return new AlertPoller(defender, OVERLAP, Duration.ofHours(1), RETENTION, pageSize);
    }

    private PollSummary poll(AlertPoller poller) {
        PollSummary summary = poller.poll(state, defender.now, committed::add);
        defender.now = defender.now.plusSeconds(30);
        return summary;
    }

    @Test
    void theFirstPollLooksBackTheInitialLookbackAndPagesByTheLastTimeRead() {
        Instant t = defender.now.minusSeconds(60);
        defender.add("a1", "High", t);
        defender.add("a2", "Low", t.plusSeconds(1));
        defender.add("a3", "Low", t.plusSeconds(2));

        PollSummary summary = poll(poller(2));

        assertThat(published()).containsExactly("a1", "a2", "a3");
        // A full page is followed by one more: each page starts at the last alert read, so the last is short.
        assertThat(summary.pages()).isEqualTo(3);
        assertThat(defender.queries.get(0).filter()).contains("lastUpdateTime ge 2026-11-27T11:00:00Z");
        // The second page starts at the last alert read (the anchor), by time rather than by offset.
        assertThat(defender.queries.get(1).filter()).contains("lastUpdateTime ge " + t.plusSeconds(1));
        assertThat(defender.queries.get(1).skip()).hasValue(0);
    }

    @Test
    void theListIsAskedForEvidenceAndEachEventCarriesTheAlertAsListedEvidenceIncluded() {
        Instant t = defender.now.minusSeconds(60);
        defender.add("a1", "Low", t);
        AlertPoller poller = poller(5);
        poll(poller);
        defender.update("a1", "High", t.plusSeconds(1));

        poll(poller);

        assertThat(defender.queries).allSatisfy(query -> assertThat(query.expand()).hasValue("evidence"));
        List<AlertNewEvent> events = events();
        assertThat(events).hasSize(2);
        assertThat(events.get(0).alert()).isEqualTo(FakeDefender.alert("a1", "Low", t, t, 1));
        assertThat(events.get(0).alert().evidence()).singleElement().extracting("fileName").isEqualTo("tool-0.exe");
        assertThat(events.get(1)).isInstanceOf(AlertSeverityRaised.class);
        assertThat(events.get(1).alert()).isEqualTo(FakeDefender.alert("a1", "High", t, t.plusSeconds(1), 1));
    }

    @Test
    void anAlertWhoseJsonExceedsTheSnapshotLimitIsPublishedWithoutItAndTheOthersWithIt() {
        Instant t = defender.now.minusSeconds(60);
        defender.addWithEvidence("small", "High", t, 3);
        defender.addWithEvidence("huge", "High", t.plusSeconds(1), 400);
        int limit = 16 * 1024;
        assertThat(EventJson.toJson(FakeDefender.alert("huge", "High", t, t, 400)).length()).isGreaterThan(limit);

        poll(new AlertPoller(defender, OVERLAP, Duration.ofHours(1), RETENTION, 5, limit));

        Map<String, AlertNewEvent> byId = events().stream()
                .collect(Collectors.toMap(AlertNewEvent::alertId, event -> event));
        assertThat(published()).containsExactly("small", "huge");
        assertThat(byId.get("small").alert()).isNotNull();
        assertThat(byId.get("huge").alert()).isNull();
        assertThat(byId.get("huge").severity().name()).isEqualTo("High"); // still published, ids and headline kept
    }

    @Test
    void aSnapshotLimitOfZeroPublishesIdsOnly() {
        defender.add("a1", "High", defender.now.minusSeconds(60));

        poll(new AlertPoller(defender, OVERLAP, Duration.ofHours(1), RETENTION, 5, 0));

        assertThat(events()).singleElement().satisfies(event -> assertThat(event.alert()).isNull());
    }

    @Test
    void alertsAlreadyPublishedAreSkippedAndTheOverlapStartsBeforeTheWatermark() {
        Instant t = defender.now.minusSeconds(60);
        defender.add("a1", "High", t);
        defender.add("a2", "Low", t);
        AlertPoller poller = poller(2);
        poll(poller);
        defender.queries.clear();
        defender.add("a4", "Medium", t.plusSeconds(1));

        PollSummary second = poll(poller);

        assertThat(published()).containsExactly("a1", "a2", "a4");
        assertThat(second.duplicates()).isEqualTo(2);
        assertThat(defender.queries.get(0).filter()).contains("lastUpdateTime ge " + t.minus(OVERLAP));
    }

    @Test
    void aRaisedSeverityIsPublishedAsAnEscalationButALoweredOneIsNot() {
        Instant t = defender.now.minusSeconds(60);
        defender.add("a1", "Low", t);
        defender.add("a2", "High", t);
        AlertPoller poller = poller(5);
        poll(poller);
        defender.update("a1", "High", t.plusSeconds(5));
        defender.update("a2", "Low", t.plusSeconds(5));

        poll(poller);
        defender.update("a2", "High", t.plusSeconds(10));
        poll(poller);

        List<AlertNewEvent> events = events();
        assertThat(events).hasSize(3);
        assertThat(events.get(2)).isInstanceOf(AlertSeverityRaised.class);
        assertThat(events.get(2).alertId()).isEqualTo("a1");
        assertThat(((AlertSeverityRaised) events.get(2)).previousSeverity().name()).isEqualTo("Low");
    }

    @Test
    void anAlertUpdatedWhilePagingMovesToTheEndWithoutPushingAnotherAlertIntoAPageAlreadyRead() {
        Instant t = defender.now.minusSeconds(600);
        for (int i = 1; i <= 7; i++) {
            defender.add("a" + i, "Low", t.plusSeconds(i));
        }
        // After the first page (a1..a3), a2 is updated: with $skip paging a4 would shift into page one.
        defender.beforeEachAnswer = once(2, () -> defender.update("a2", "Low", defender.now.minusSeconds(1)));

        poll(poller(3));

        assertThat(published()).containsExactlyInAnyOrder("a1", "a2", "a3", "a4", "a5", "a6", "a7");
    }

    @Test
    void manyAlertsWithOneTimestampAcrossPageBoundariesAreEachPublishedOnce() {
        Instant t = defender.now.minusSeconds(60);
        defender.add("early", "Low", t.minusSeconds(1));
        for (int i = 0; i < 10; i++) {
            defender.add("tie" + i, "Low", t);
        }
        defender.add("late", "Low", t.plusSeconds(1));
        AlertPoller poller = poller(3);

        poll(poller);
        poll(poller);

        assertThat(published()).hasSize(12).doesNotHaveDuplicates();
        // Inside the tie the offset counts only alerts of that time, starting at the anchor.
        assertThat(defender.queries).anySatisfy(q -> {
            assertThat(q.filter().orElseThrow()).contains("ge " + t);
            assertThat(q.skip().orElse(0)).isGreaterThan(0);
        });
    }

    @Test
    void anAlertLeavingATieWhilePagingIsDetectedByTheAnchorAndNothingIsSkipped() {
        Instant t = defender.now.minusSeconds(60);
        for (int i = 0; i < 9; i++) {
            defender.add("tie" + i, "Low", t);
        }
        // After two pages, the first alert of the tie and then the anchor itself are updated.
        defender.beforeEachAnswer = once(3, () -> {
            defender.update("tie0", "Low", defender.now.minusSeconds(2));
            defender.update("tie4", "Low", defender.now.minusSeconds(1));
        });

        PollSummary summary = poll(poller(3));

        assertThat(published()).hasSize(9).doesNotHaveDuplicates();
        assertThat(summary.restarts()).isEqualTo(1);
    }

    @Test
    void eachPageIsCommittedAndAFailedPageLeavesTheEarlierOnesAndNothingOfTheRest() {
        Instant t = defender.now.minusSeconds(60);
        for (int i = 1; i <= 5; i++) {
            defender.add("a" + i, "Low", t.plusSeconds(i));
        }
        AlertPoller poller = poller(2);
        int[] commits = {0};

        assertThatThrownBy(() -> poller.poll(state, defender.now, page -> {
            if (++commits[0] == 2) {
                throw new IllegalStateException("broker gone");
            }
            committed.add(page);
        })).hasMessage("broker gone");

        assertThat(published()).containsExactly("a1", "a2");
        assertThat(state.watermark()).contains(t.plusSeconds(2));
        poll(poller);
        assertThat(published()).containsExactly("a1", "a2", "a3", "a4", "a5");
    }

    @Test
    void theWatermarkNeverPassesThePollsStartSoALateAlertIsFoundByTheNextPoll() {
        Instant pollStart = defender.now;
        defender.add("skewed", "Low", pollStart.plusSeconds(20), pollStart); // Defender's clock ahead of ours
        AlertPoller poller = poller(5);
        poll(poller);
        assertThat(state.watermark()).contains(pollStart);

        // Visible only now, with an update time before the previous poll's start (ingestion delay < overlap).
        defender.add("late", "High", pollStart.minusSeconds(200), defender.now);
        poll(poller);

        assertThat(published()).containsExactly("skewed", "late");
    }

    @Test
    void aRejectedAlertIsDeadLetteredOnceAndTheOthersArePublished() {
        Instant t = defender.now.minusSeconds(60);
        AlertPoller poller = new AlertPoller(query -> List.of(
                PageEntry.of(alert("../../etc", "High", t)), PageEntry.of(alert("ok1", "High", t)),
                PageEntry.unreadable("bad1", t, "{\"id\":\"bad1\",\"severity\":\"Critical\"}", "unknown severity")),
                OVERLAP, Duration.ofHours(1), RETENTION, 5);

        poller.poll(state, defender.now, committed::add);
        poller.poll(state, defender.now.plusSeconds(30), committed::add);

        assertThat(published()).containsExactly("ok1");
        List<PollResult.RejectedAlert> rejected = committed.stream().flatMap(r -> r.rejected().stream()).toList();
        assertThat(rejected).hasSize(2);
        assertThat(rejected.get(0).json()).contains("../../etc");
        assertThat(rejected.get(1).json()).contains("Critical");
        assertThat(rejected).allSatisfy(r -> assertThat(r.reason()).isNotBlank());
    }

    @Test
    void idsOlderThanTheRetentionAreForgottenAndAForgottenAlertThatChangesIsNotAnnouncedAgain() {
        Instant old = defender.now.minus(Duration.ofDays(40));
        state.apply(new PollerState.StateUpdate(java.util.Optional.of(defender.now.minusSeconds(30)), Map.of(
                "old", new io.mderesponse.poller.state.SeenAlert(io.mderesponse.contracts.defender.Severity.Low, old),
                "recent", new io.mderesponse.poller.state.SeenAlert(io.mderesponse.contracts.defender.Severity.Low,
                        defender.now.minus(Duration.ofDays(2))))));
        AlertPoller poller = poller(5);

        PollSummary first = poll(poller);
        assertThat(first.forgotten()).isEqualTo(1);
        assertThat(state.seen("old")).isEmpty();
        assertThat(state.seen("recent")).isPresent();
        assertThat(committed.get(0).update().forgotten()).containsExactly("old");

        // The forgotten alert changes again; an alert never seen, created recently, is new.
        defender.addCreated("old", "High", old, defender.now.minusSeconds(5));
        defender.addCreated("fresh", "High", defender.now.minus(Duration.ofDays(1)), defender.now.minusSeconds(5));
        PollSummary second = poll(poller);

        assertThat(published()).containsExactly("fresh");
        assertThat(second.forgottenReappeared()).isEqualTo(1);
        assertThat(state.seen("old")).isPresent();
    }

    @Test
    void aPageSizeBelowTwoIsRefused() {
        assertThatThrownBy(() -> poller(1)).isInstanceOf(IllegalArgumentException.class);
    }

    private Runnable once(int beforeAnswer, Runnable change) {
        int[] answers = {0};
        return () -> {
            if (++answers[0] == beforeAnswer) {
                change.run();
            }
        };
    }

    private List<AlertNewEvent> events() {
        return committed.stream().flatMap(r -> r.events().stream()).toList();
    }

    private List<String> published() {
        return events().stream().filter(e -> e instanceof AlertDetected).map(AlertNewEvent::alertId).toList();
    }

    static Map<String, Long> countDetected(List<PollResult> results) {
        return results.stream().flatMap(r -> r.events().stream()).filter(e -> e instanceof AlertDetected)
                .collect(Collectors.groupingBy(AlertNewEvent::alertId, Collectors.counting()));
    }

    private static DefenderAlert alert(String id, String severity, Instant updated) {
        return EventJson.fromJson("""
                {"id":"%s","severity":"%s","title":"t","alertCreationTime":"%s","lastUpdateTime":"%s"}
                """.formatted(id, severity, updated, updated), DefenderAlert.class);
    }

}
