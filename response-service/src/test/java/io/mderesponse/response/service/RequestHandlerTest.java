package io.mderesponse.response.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.contracts.event.FinalStatus;
import io.mderesponse.contracts.event.MachineActionType;
import io.mderesponse.defender.client.DefenderOperation;
import io.mderesponse.defender.client.error.ActionAlreadyInProgressException;
import io.mderesponse.defender.client.error.DefenderForbiddenException;
import io.mderesponse.defender.client.error.DefenderServerErrorException;
import io.mderesponse.defender.client.error.ErrorDetails;
import io.mderesponse.defender.client.model.MachineActionStatus;
import io.mderesponse.response.service.HandlingOutcome.Held;
import io.mderesponse.response.service.HandlingOutcome.HoldKind;
import io.mderesponse.response.state.ActionRequest;
import io.mderesponse.response.state.RequestIntent;
import io.mderesponse.response.state.RequestProgress;
import io.mderesponse.response.testing.Fakes;
import io.mderesponse.response.testing.RequestsAndResults;
import io.mderesponse.testsupport.defender.TestIds;
import io.mderesponse.testsupport.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The idempotent handler's decisions, with Defender, Kafka and time faked. */
class RequestHandlerTest {

    private static final Duration GRACE = Duration.ofMinutes(2);
    private static final Duration ORDER_WAIT = Duration.ofMinutes(5);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final Fakes.State state = new Fakes.State();
    private final Fakes.Results results = new Fakes.Results();
    private final Fakes.Defender defender = new Fakes.Defender();
    private final List<RequestProgress> tracked = new ArrayList<>();
    private final RequestHandler handler = new RequestHandler(state.table, () -> { }, state, defender, tracked::add,
            new RequestCompletion(new ActionResults(clock), results, state, ResponseMetrics.NONE, clock), GRACE,
            ORDER_WAIT, ResponseMetrics.NONE, clock);
    private final ActionRequest request = ActionRequest.of(RequestsAndResults.isolation(TestIds.machineId()));

    @Test
    void aNewRequestRecordsItsIntentBeforeCallingAndTracksTheStartedAction() {
        assertThat(handler.handle(request)).isEqualTo(HandlingOutcome.DONE);

        assertThat(state.writes.get(0)).isInstanceOf(RequestIntent.class);
        assertThat(defender.starts()).isEqualTo(1);
        assertThat(defender.calls.get(0)).contains("[request " + request.requestId() + "]");
        assertThat(tracked).singleElement().satisfies(p -> assertThat(p.machineActionId())
                .isEqualTo(defender.listed.get(0).id()));
    }

    @Test
    void aRequestDeliveredAgainWhileTrackedOrAfterItsResultIsNeverSentToDefenderAgain() {
        handler.handle(request);
        handler.handle(request);
        state.recordProgress(RequestProgress.completed(request, "x", clock.instant(), FinalStatus.Succeeded, null,
                clock.instant()));
        handler.handle(request);

        assertThat(defender.starts()).isEqualTo(1);
        assertThat(results.published).isEmpty();
    }

    @Test
    void anEarlierCallWhoseActionIsListedIsAdoptedNotRepeated() {
        state.recordIntent(RequestIntent.first(request, clock.instant()));
        defender.listed.add(Fakes.action(request.machineId(), MachineActionType.Isolate, MachineActionStatus.Pending,
                "Isolated [request " + request.requestId() + "]", clock.instant()));
        defender.listed.add(Fakes.action(request.machineId(), MachineActionType.Isolate, MachineActionStatus.Pending,
                "someone else's", clock.instant()));

        assertThat(handler.handle(request)).isEqualTo(HandlingOutcome.DONE);

        assertThat(defender.starts()).isZero();
        assertThat(tracked).singleElement().satisfies(p -> assertThat(p.machineActionId())
                .isEqualTo(defender.listed.get(0).id()));
    }

    @Test
    void anEarlierCallWithoutListedActionIsNotRepeatedWithinTheGraceButIsAfterIt() {
        state.recordIntent(RequestIntent.first(request, clock.instant()));
        clock.advance(GRACE.minusSeconds(1));

        HandlingOutcome within = handler.handle(request);
        clock.advance(Duration.ofSeconds(1));
        HandlingOutcome after = handler.handle(request);

        assertThat(within).isInstanceOf(Held.class);
        assertThat(((Held) within).kind()).isEqualTo(HoldKind.TRANSIENT);
        assertThat(after).isEqualTo(HandlingOutcome.DONE);
        assertThat(defender.starts()).isEqualTo(1);
        assertThat(state.table.intent(request.requestId())).hasValueSatisfying(i -> assertThat(i.attempt())
                .isEqualTo(2));
    }

    @Test
    void aForbiddenCallHoldsTheRequestNamingThePermissionAndItsRetryCallsAtOnce() {
        defender.answer(() -> {
            throw new DefenderForbiddenException(DefenderOperation.ISOLATE, ErrorDetails.status(403), null);
        }).acts();

        HandlingOutcome refused = handler.handle(request);
        HandlingOutcome retried = handler.handle(request);

        assertThat(refused).isInstanceOf(Held.class);
        assertThat(((Held) refused).kind()).isEqualTo(HoldKind.AUTHORIZATION);
        assertThat(((Held) refused).missingPermission()).isEqualTo("Machine.Isolate");
        assertThat(retried).isEqualTo(HandlingOutcome.DONE);
        // Defender answered 403, so it did not act: no list and no grace before the second call.
        assertThat(defender.calls).filteredOn("list"::equals).isEmpty();
        assertThat(defender.starts()).isEqualTo(2);
    }

    @Test
    void aServerErrorHoldsTheRequestAndItsRetryLooksForTheActionBeforeCallingAgain() {
        defender.answer(() -> {
            // Defender acted, then failed to answer.
            defender.acts();
            defender.start(request, "x [request " + request.requestId() + "]");
            throw new DefenderServerErrorException(DefenderOperation.ISOLATE, ErrorDetails.status(500), null);
        });

        assertThat(handler.handle(request)).isInstanceOf(Held.class);
        assertThat(handler.handle(request)).isEqualTo(HandlingOutcome.DONE);

        assertThat(defender.calls).filteredOn(c -> c.startsWith("start")).hasSize(2); // ours + the fake's own
        assertThat(defender.calls).contains("list");
        assertThat(tracked).singleElement().satisfies(p -> assertThat(p.machineActionId())
                .isEqualTo(defender.listed.get(0).id()));
    }

    @Test
    void alreadyInProgressIsSettledAsAlreadyPendingNamingTheOtherAction() {
        defender.listed.add(Fakes.action(request.machineId(), MachineActionType.Isolate, MachineActionStatus.Pending,
                "analyst", Instant.now()));
        defender.answer(() -> {
            throw new ActionAlreadyInProgressException(DefenderOperation.ISOLATE,
                    new ErrorDetails(400, "ActiveRequestAlreadyExists", "Action is already in progress", null), null);
        });

        assertThat(handler.handle(request)).isEqualTo(HandlingOutcome.DONE);

        assertThat(results.published).singleElement().satisfies(result -> {
            assertThat(result.status()).isEqualTo(FinalStatus.AlreadyPending);
            assertThat(result.reason()).contains(defender.listed.get(0).id());
            assertThat(result.eventId()).isEqualTo(ActionResults.resultEventId(request.requestId()));
        });
        assertThat(state.table.progress(request.requestId())).hasValueSatisfying(p -> assertThat(p.isCompleted())
                .isTrue());
        assertThat(state.table.intent(request.requestId())).isEmpty();
    }
}
