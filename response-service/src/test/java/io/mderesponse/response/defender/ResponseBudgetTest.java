package io.mderesponse.response.defender;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.defender.client.ApiFamily;
import io.mderesponse.defender.client.DefenderOperation;
import io.mderesponse.defender.client.budget.BudgetShares;
import io.mderesponse.defender.client.budget.FamilyLimit;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * response-service's default Defender budget covers every family its calls use: a family without a share would
 * fail each of its calls unsent, and the request would stay held.
 */
class ResponseBudgetTest {

    private final Map<ApiFamily, FamilyLimit> shares = BudgetShares.of("response-service");

    @Test
    void everyMachineActionKindsStartCallHasAShare() {
        Arrays.stream(MachineActionKind.values()).filter(kind -> kind != MachineActionKind.UNKNOWN)
                .forEach(kind -> assertThat(shares.get(DefenderOperation.starting(kind).family()).none())
                        .as("budget of " + kind.wireName()).isFalse());
    }

    @Test
    void findingAndFollowingActionsHasAShare() {
        assertThat(shares.get(DefenderOperation.LIST_MACHINE_ACTIONS.family()).none()).isFalse();
        assertThat(shares.get(DefenderOperation.GET_MACHINE_ACTION.family()).none()).isFalse();
    }
}
