package io.mderesponse.response.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.response.state.ActionRequest;
import io.mderesponse.response.state.RequestIntent;
import io.mderesponse.response.testing.Fakes;
import io.mderesponse.response.testing.RequestsAndResults;
import io.mderesponse.testsupport.defender.TestIds;
import io.mderesponse.testsupport.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A request waiting for its plan's order keeps its record, and pauses nothing: it is not held. */
class RequestProcessorTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T10:00:00Z"));
    private final Fakes.State state = new Fakes.State();
    private final Fakes.Defender defender = new Fakes.Defender();
    private final List<String> consumption = new ArrayList<>();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final RequestHandler handler = new RequestHandler(state.table, () -> { }, state, defender, p -> { },
            new RequestCompletion(new ActionResults(clock), new Fakes.Results(), state, ResponseMetrics.NONE, clock),
            Duration.ofMinutes(2), Duration.ofMinutes(5), ResponseMetrics.NONE, clock);
    private final DefenderAccess access = new DefenderAccess();
    private final RequestProcessor processor = new RequestProcessor(handler, executor, new ConsumptionControl() {
        @Override
        public void pause() {
            consumption.add("pause");
        }

        @Override
        public void resume() {
            consumption.add("resume");
        }
    }, access, Duration.ofMillis(100), Duration.ofSeconds(1), clock);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aWaitingRequestKeepsItsRecordWithoutPausingConsumptionAndGoesOnOnceTheEarlierActionBegan() {
        DecisionMade decision = RequestsAndResults.decision(TestIds.machineId(), MachineActionKind.ISOLATE,
                MachineActionKind.COLLECT_INVESTIGATION_PACKAGE);
        ActionRequest collect = ActionRequest.of(RequestsAndResults.responseAction(decision,
                MachineActionKind.COLLECT_INVESTIGATION_PACKAGE));

        CompletableFuture<Void> settled = processor.process(collect).toCompletableFuture();

        assertThat(settled).isNotDone();
        assertThat(processor.holding()).isFalse();
        assertThat(access.held()).isEmpty();
        state.recordIntent(RequestIntent.first(ActionRequest.of(RequestsAndResults.isolation(decision)),
                clock.instant()));
        await().atMost(Duration.ofSeconds(5)).until(settled::isDone);
        assertThat(settled).isCompleted();
        assertThat(defender.starts()).isEqualTo(1);
        assertThat(consumption).isEmpty();
    }
}
