package io.mderesponse.enrichment.defender;

import io.mderesponse.contracts.defender.DefenderAlert;
import io.mderesponse.contracts.defender.DefenderMachine;
import io.mderesponse.defender.client.ApiFamily;
import io.mderesponse.defender.client.CallOptions;
import io.mderesponse.defender.client.DefenderClient;
import io.mderesponse.defender.client.budget.CallPriority;
import io.mderesponse.defender.client.budget.DefenderBudget;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Where enrichment calls Defender, through defender-client: {@code GET /api/alerts/{id}} and
 * {@code GET /api/machines/{id}}, and this process's budget for the two families (alerts, machines). Failures come
 * as defender-client's typed exceptions ({@code DefenderThrottledException} when the budget or a 429 refuses a
 * call, {@code DefenderNotFoundException} for an unknown id).
 */
@ApplicationScoped
public class DefenderLookups {

    private final DefenderClient defender;
    private final DefenderBudget budget;

    public DefenderLookups(DefenderClient defender, DefenderBudget budget) {
        this.defender = defender;
        this.budget = budget;
    }

    /** {@code GET /api/alerts/{id}}, with evidence. */
    public DefenderAlert alert(String alertId, CallOptions options) {
        return defender.getAlert(alertId, options);
    }

    /** {@code GET /api/machines/{id}}, by the 40-hex device id. */
    public DefenderMachine machine(String machineId, CallOptions options) {
        return defender.getMachine(machineId, options);
    }

    /** Whether a call of the alerts family at this priority would get a token now. */
    public boolean hasAlertHeadroom(CallPriority priority) {
        return budget.hasHeadroom(ApiFamily.ALERTS, priority);
    }

    /** Whether a call of the machines family at this priority would get a token now. */
    public boolean hasMachineHeadroom(CallPriority priority) {
        return budget.hasHeadroom(ApiFamily.MACHINES, priority);
    }

    /** Waits up to {@code maxWait} until a call of the alerts family would get a token; takes none. */
    public boolean awaitAlertHeadroom(CallPriority priority, Duration maxWait) throws InterruptedException {
        return budget.awaitHeadroom(ApiFamily.ALERTS, priority, maxWait);
    }

    /** Waits up to {@code maxWait} until a call of the machines family would get a token; takes none. */
    public boolean awaitMachineHeadroom(CallPriority priority, Duration maxWait) throws InterruptedException {
        return budget.awaitHeadroom(ApiFamily.MACHINES, priority, maxWait);
    }
}
