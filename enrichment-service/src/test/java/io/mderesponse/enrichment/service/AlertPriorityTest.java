package io.mderesponse.enrichment.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.contracts.defender.Severity;
import io.mderesponse.defender.client.budget.CallPriority;
import org.junit.jupiter.api.Test;

class AlertPriorityTest {

    @Test
    void onlyAlertsBelowMediumMayWaitForBudget() {
        assertThat(AlertPriority.of(Severity.High)).isEqualTo(CallPriority.NORMAL);
        assertThat(AlertPriority.of(Severity.Medium)).isEqualTo(CallPriority.NORMAL);
        assertThat(AlertPriority.of(Severity.Low)).isEqualTo(CallPriority.LOW);
        assertThat(AlertPriority.of(Severity.Informational)).isEqualTo(CallPriority.LOW);
        assertThat(AlertPriority.of(Severity.UnSpecified)).isEqualTo(CallPriority.LOW);
    }
}
