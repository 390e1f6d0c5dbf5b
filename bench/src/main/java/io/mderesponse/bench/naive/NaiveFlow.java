package io.mderesponse.bench.naive;

import io.mderesponse.contracts.defender.DefenderAlert;
import io.mderesponse.contracts.defender.IsolationType;
import io.mderesponse.contracts.defender.Severity;
import io.mderesponse.defender.client.DefenderClient;
import io.mderesponse.defender.client.error.DefenderApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The low-code flow the system replaces, as Microsoft's sample flow does it: for each new alert, one at a time, get
 * the alert, get its machine, and isolate the machine if the alert is High. It uses the project's
 * {@link DefenderClient} (tokens, 429 with Retry-After, retries) with its own budget wide open, so only Defender's
 * (the simulator's) limits hold it back. No waits of its own.
 */
public final class NaiveFlow {

    /** What happened to one alert. */
    public record AlertOutcome(String alertId, String severity, String machineId, Instant isolatedAt,
            String failure) {
    }

    private final DefenderClient defender;

    public NaiveFlow(DefenderClient defender) {
        this.defender = defender;
    }

    /** Handles the alerts in order; a failed call ends that alert's handling (as a flow run fails), not the run. */
    public List<AlertOutcome> run(List<String> alertIds, NaiveFlowRun progress) {
        List<AlertOutcome> outcomes = new ArrayList<>();
        for (String alertId : alertIds) {
            AlertOutcome outcome = handle(alertId);
            outcomes.add(outcome);
            progress.handled(outcome);
        }
        return outcomes;
    }

    private AlertOutcome handle(String alertId) {
        String severity = null;
        String machineId = null;
        try {
            DefenderAlert alert = defender.getAlert(alertId);
            severity = alert.severity() == null ? null : alert.severity().name();
            machineId = alert.machineId();
            if (machineId == null) {
                return new AlertOutcome(alertId, severity, null, null, null);
            }
            defender.getMachine(machineId);
            if (alert.severity() != Severity.High) {
                return new AlertOutcome(alertId, severity, machineId, null, null);
            }
            defender.isolate(machineId, IsolationType.Full, "Isolated by the naive flow for alert " + alertId);
            return new AlertOutcome(alertId, severity, machineId, Instant.now(), null);
        } catch (DefenderApiException e) {
            return new AlertOutcome(alertId, severity, machineId, null,
                    e.getClass().getSimpleName() + " (HTTP " + e.httpStatus() + "): " + e.getMessage());
        }
    }
}
