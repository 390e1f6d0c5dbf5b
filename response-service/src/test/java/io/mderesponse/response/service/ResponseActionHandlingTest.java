package io.mderesponse.response.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.FinalStatus;
import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.contracts.event.ResponseActionRequested;
import io.mderesponse.defender.client.DefenderOperation;
import io.mderesponse.defender.client.error.ActionAlreadyInProgressException;
import io.mderesponse.defender.client.error.DefenderForbiddenException;
import io.mderesponse.defender.client.error.DefenderServerErrorException;
import io.mderesponse.defender.client.error.ErrorDetails;
import io.mderesponse.defender.client.model.MachineActionStatus;
import io.mderesponse.response.service.HandlingOutcome.Held;
import io.mderesponse.response.service.HandlingOutcome.Waiting;
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

/**
 * Kinds other than isolation go through the same handler as isolation (intent first, recovery from the list,
 * tracking), with their own outcomes: a 403 is Rejected naming the permission, and the plan's order is kept.
 */
class ResponseActionHandlingTest {

    private static final Duration GRACE = Duration.ofMinutes(2);
    private static final Duration ORDER_WAIT = Duration.ofMinutes(5);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final Fakes.State state = new Fakes.State();
    private final Fakes.Results results = new Fakes.Results();
    private final Fakes.Defender defender = new Fakes.Defender();
    private final List<RequestProgress> tracked = new ArrayList<>();
    private final List<String> counted = new ArrayList<>();
    private final ResponseMetrics metrics = new ResponseMetrics() {
        @Override
        public void permissionMissing(MachineActionKind kind) {
            counted.add("permission " + kind.permission());
        }

        @Override
        public void orderWaitExpired(MachineActionKind kind) {
            counted.add("order " + kind.wireName());
        }
    };
    private final RequestHandler handler = new RequestHandler(state.table, () -> { }, state, defender, tracked::add,
            new RequestCompletion(new ActionResults(clock), results, state, metrics, clock), GRACE, ORDER_WAIT,
            metrics, clock);
    private final ActionRequest scan = ActionRequest.of(
            RequestsAndResults.responseAction(TestIds.machineId(), MachineActionKind.ANTIVIRUS_SCAN));

    @Test
    void aScanRecordsItsIntentBeforeCallingAndIsTrackedAsARunAntiVirusScan() {
        assertThat(handler.handle(scan)).isEqualTo(HandlingOutcome.DONE);
        handler.handle(scan);

        assertThat(state.writes.get(0)).isInstanceOfSatisfying(RequestIntent.class, intent -> {
            assertThat(intent.kind()).isEqualTo(MachineActionKind.ANTIVIRUS_SCAN);
            assertThat(intent.type()).isNull();
            assertThat(intent.responseRequest()).isEqualTo(scan.response());
        });
        assertThat(defender.starts()).isEqualTo(1);
        assertThat(defender.listed).singleElement().satisfies(a -> assertThat(a.type()).isEqualTo("RunAntiVirusScan"));
        // The second delivery finds it tracked: followed (the tracker follows an action once), not started again.
        assertThat(tracked).hasSize(2).allSatisfy(p -> {
            assertThat(p.action()).isEqualTo(scan);
            assertThat(p.machineActionId()).isEqualTo(defender.listed.get(0).id());
        });
    }

    @Test
    void aScanWhoseAnswerWasLostIsAdoptedFromTheListAndNeverStartedTwice() {
        defender.answer(() -> {
            // Defender acted, then the answer was lost.
            defender.acts();
            defender.start(scan, "x [request " + scan.requestId() + "]");
            throw new DefenderServerErrorException(DefenderOperation.RUN_ANTIVIRUS_SCAN, ErrorDetails.status(500),
                    null);
        });
        // An isolation of the machine carrying the same id is not the scan's action.
        defender.listed.add(Fakes.action(scan.machineId(), MachineActionKind.ISOLATE, MachineActionStatus.Pending,
                "[request " + scan.requestId() + "]", clock.instant()));

        assertThat(handler.handle(scan)).isInstanceOf(Held.class);
        assertThat(handler.handle(scan)).isEqualTo(HandlingOutcome.DONE);

        assertThat(defender.calls).filteredOn(c -> c.startsWith("start")).hasSize(2); // ours + the fake's own
        assertThat(tracked).singleElement().satisfies(p -> assertThat(p.machineActionId())
                .isEqualTo(defender.listed.get(1).id()));
        assertThat(defender.listed.get(1).type()).isEqualTo("RunAntiVirusScan");
    }

    @Test
    void aScanAlreadyInProgressIsAlreadyPendingAndItsResultGoesOutAsAResponseActionCompleted() {
        defender.listed.add(Fakes.action(scan.machineId(), MachineActionKind.ANTIVIRUS_SCAN,
                MachineActionStatus.InProgress, "analyst", clock.instant()));
        defender.answer(() -> {
            throw new ActionAlreadyInProgressException(DefenderOperation.RUN_ANTIVIRUS_SCAN,
                    new ErrorDetails(400, "BadRequest", "Action is already in progress", null), null);
        });

        assertThat(handler.handle(scan)).isEqualTo(HandlingOutcome.DONE);

        assertThat(results.published).isEmpty();
        assertThat(results.responses).singleElement().satisfies(result -> {
            assertThat(result.status()).isEqualTo(FinalStatus.AlreadyPending);
            assertThat(result.kind()).isEqualTo(MachineActionKind.ANTIVIRUS_SCAN);
            assertThat(result.scanType()).isEqualTo(scan.scanType());
            assertThat(result.reason()).contains("RunAntiVirusScan").contains(defender.listed.get(0).id());
            assertThat(result.eventId()).isEqualTo(ActionResults.resultEventId(scan.requestId()));
        });
    }

    @Test
    void aScanAlreadyInProgressThatIsOurOwnIsAdopted() {
        defender.listed.add(Fakes.action(scan.machineId(), MachineActionKind.ANTIVIRUS_SCAN,
                MachineActionStatus.Pending, "scan [request " + scan.requestId() + "]", clock.instant()));
        defender.answer(() -> {
            throw new ActionAlreadyInProgressException(DefenderOperation.RUN_ANTIVIRUS_SCAN,
                    new ErrorDetails(400, "ActiveRequestAlreadyExists", "Action is already in progress", null), null);
        });

        assertThat(handler.handle(scan)).isEqualTo(HandlingOutcome.DONE);

        assertThat(results.responses).isEmpty();
        assertThat(tracked).singleElement().satisfies(p -> assertThat(p.machineActionId())
                .isEqualTo(defender.listed.get(0).id()));
    }

    @Test
    void aScanAnsweredWithAnotherPartysPendingScanIsAlreadyPendingNotAdopted() {
        defender.answer(() -> Fakes.action(scan.machineId(), MachineActionKind.ANTIVIRUS_SCAN,
                MachineActionStatus.Pending, "analyst", clock.instant()));

        assertThat(handler.handle(scan)).isEqualTo(HandlingOutcome.DONE);

        assertThat(tracked).isEmpty();
        assertThat(results.responses).singleElement().satisfies(result -> {
            assertThat(result.status()).isEqualTo(FinalStatus.AlreadyPending);
            assertThat(result.reason()).contains("instead of starting one");
        });
    }

    @Test
    void aForbiddenScanIsRejectedNamingThePermissionAndIsNotHeld() {
        defender.answer(() -> {
            throw new DefenderForbiddenException(DefenderOperation.RUN_ANTIVIRUS_SCAN, ErrorDetails.status(403), null);
        });

        assertThat(handler.handle(scan)).isEqualTo(HandlingOutcome.DONE);
        assertThat(handler.handle(scan)).isEqualTo(HandlingOutcome.DONE);

        assertThat(defender.starts()).isEqualTo(1);
        assertThat(results.responses).singleElement().satisfies(result -> {
            assertThat(result.status()).isEqualTo(FinalStatus.Rejected);
            assertThat(result.reason()).contains("Machine.Scan").contains("403");
        });
        assertThat(counted).containsExactly("permission Machine.Scan");
    }

    @Test
    void aRequestWaitsUntilTheActionBeforeItInThePlanHasBegun() {
        DecisionMade decision = RequestsAndResults.decision(TestIds.machineId(), MachineActionKind.ISOLATE,
                MachineActionKind.COLLECT_INVESTIGATION_PACKAGE);
        ActionRequest isolate = ActionRequest.of(RequestsAndResults.isolation(decision));
        ActionRequest collect = ActionRequest.of(RequestsAndResults.responseAction(decision,
                MachineActionKind.COLLECT_INVESTIGATION_PACKAGE));

        HandlingOutcome early = handler.handle(collect);
        clock.advance(Duration.ofMinutes(1));
        state.recordIntent(RequestIntent.first(isolate, clock.instant()));
        HandlingOutcome once = handler.handle(collect);

        assertThat(early).isInstanceOfSatisfying(Waiting.class, waiting -> {
            assertThat(waiting.until()).isEqualTo(Instant.parse("2026-01-01T10:05:00Z"));
            assertThat(waiting.reason()).contains(isolate.requestId().toString());
        });
        assertThat(once).isEqualTo(HandlingOutcome.DONE);
        assertThat(defender.starts()).isEqualTo(1);
        assertThat(counted).isEmpty();
    }

    @Test
    void aRequestWhoseEarlierActionNeverBeginsIsStartedAfterTheOrderWaitAndCounted() {
        DecisionMade decision = RequestsAndResults.decision(TestIds.machineId(), MachineActionKind.ISOLATE,
                MachineActionKind.COLLECT_INVESTIGATION_PACKAGE);
        ActionRequest collect = ActionRequest.of(RequestsAndResults.responseAction(decision,
                MachineActionKind.COLLECT_INVESTIGATION_PACKAGE));

        HandlingOutcome early = handler.handle(collect);
        clock.advance(ORDER_WAIT.minusSeconds(1));
        HandlingOutcome stillWaiting = handler.handle(collect);
        clock.advance(Duration.ofSeconds(1));
        HandlingOutcome late = handler.handle(collect);

        assertThat(early).isInstanceOf(Waiting.class);
        assertThat(stillWaiting).isInstanceOf(Waiting.class);
        assertThat(late).isEqualTo(HandlingOutcome.DONE);
        assertThat(defender.starts()).isEqualTo(1);
        assertThat(counted).containsExactly("order collectInvestigationPackage");
    }

    @Test
    void theFirstActionOfAPlanAndIsolationNeverWait() {
        ResponseActionRequested first = RequestsAndResults.responseAction(RequestsAndResults.decision(
                TestIds.machineId(), MachineActionKind.ANTIVIRUS_SCAN, MachineActionKind.ISOLATE),
                MachineActionKind.ANTIVIRUS_SCAN);

        assertThat(handler.handle(ActionRequest.of(first))).isEqualTo(HandlingOutcome.DONE);
        assertThat(defender.starts()).isEqualTo(1);
    }
}
