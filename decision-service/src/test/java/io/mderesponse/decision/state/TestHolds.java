package io.mderesponse.decision.state;

import io.mderesponse.contracts.defender.IsolationType;
import io.mderesponse.contracts.event.AlertSummary;
import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.DecisionOutcome;
import io.mderesponse.contracts.event.RuleAction;
import io.mderesponse.decision.Samples;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Held decisions for tests: a High alert's isolation held by the cap, on a machine of its own. */
public final class TestHolds {

    public static final String RULE = "isolate-high";

    private TestHolds() {
    }

    /** A hold of a new alert's isolation, made at {@code heldAt}, waiting until {@code deadline}. */
    public static HeldDecision waiting(Instant heldAt, Instant deadline) {
        String machineId = Samples.uniqueMachineId();
        AlertSummary alert = AlertSummary.from(Samples.alert(Samples.uniqueAlertId(), "High", machineId),
                Samples.machine(machineId));
        DecisionMade made = DecisionMade.forAlert(alert, RULE, "v1", Map.of(), List.of(RuleAction.ISOLATE),
                IsolationType.Full, DecisionOutcome.HELD, List.of("soc@example.test"), "hourly cap reached");
        return HeldDecision.waiting(made, heldAt, deadline);
    }
}
