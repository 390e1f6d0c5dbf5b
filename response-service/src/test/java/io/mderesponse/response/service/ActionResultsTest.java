package io.mderesponse.response.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mderesponse.contracts.event.FinalStatus;
import io.mderesponse.contracts.event.MachineActionType;
import io.mderesponse.defender.client.model.MachineActionStatus;
import io.mderesponse.response.testing.Fakes;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Only Defender's Succeeded is success; every other final status keeps its name and a reason. */
class ActionResultsTest {

    @Test
    void eachFinalStatusOfDefenderMapsToTheSameFinalStatus() {
        for (MachineActionStatus status : MachineActionStatus.values()) {
            if (status.isFinal()) {
                assertThat(ActionResults.finalStatusOf(action(status)).name()).isEqualTo(status.name());
            }
        }
        assertThatThrownBy(() -> ActionResults.finalStatusOf(action(MachineActionStatus.InProgress)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlySuccessHasNoReason() {
        assertThat(ActionResults.reasonOf(action(MachineActionStatus.Succeeded))).isNull();
        assertThat(ActionResults.reasonOf(action(MachineActionStatus.Failed))).isEqualTo("Defender reports Failed");
        assertThat(ActionResults.localTimeoutReason(MachineActionStatus.InProgress, Duration.ofMinutes(15), null))
                .isEqualTo("Still InProgress after PT15M of following it; not reported as done");
        assertThat(FinalStatus.TimeOut.succeeded()).isFalse();
    }

    @Test
    void aRequestsResultAlwaysHasTheSameEventId() {
        UUID requestId = UUID.randomUUID();

        assertThat(ActionResults.resultEventId(requestId)).isEqualTo(ActionResults.resultEventId(requestId))
                .isNotEqualTo(ActionResults.resultEventId(UUID.randomUUID()));
    }

    @Test
    void backoffDoublesUpToItsMaximum() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(5));

        assertThat(backoff.delay(0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.delay(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.delay(3)).isEqualTo(Duration.ofSeconds(5));
        assertThat(backoff.delay(1000)).isEqualTo(Duration.ofSeconds(5));
    }

    private static io.mderesponse.defender.client.model.MachineAction action(MachineActionStatus status) {
        return Fakes.action("a".repeat(40), MachineActionType.Isolate, status, "c", Instant.now());
    }
}
