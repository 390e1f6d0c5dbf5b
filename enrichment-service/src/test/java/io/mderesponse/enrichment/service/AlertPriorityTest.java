package io.mderesponse.enrichment.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.contracts.defender.Severity;
import io.mderesponse.defender.client.budget.CallPriority;
import io.mderesponse.service.processing.Urgency;
import org.junit.jupiter.api.Test;

class AlertPriorityTest {

    @Test
    void highAlertsCallDefenderAtHighPriorityMediumAtNormalAndTheRestAtLow() {
        assertThat(AlertPriority.of(Severity.High)).isEqualTo(CallPriority.HIGH);
        assertThat(AlertPriority.of(Severity.Medium)).isEqualTo(CallPriority.NORMAL);
        assertThat(AlertPriority.of(Severity.Low)).isEqualTo(CallPriority.LOW);
        assertThat(AlertPriority.of(Severity.Informational)).isEqualTo(CallPriority.LOW);
        assertThat(AlertPriority.of(Severity.UnSpecified)).isEqualTo(CallPriority.LOW);
        assertThat(AlertPriority.of(null)).isEqualTo(CallPriority.LOW);
    }

    @Test
    void highAlertsGoFirstInTheQueueThenMediumThenTheRest() {
        assertThat(AlertPriority.urgency(Severity.High)).isEqualTo(Urgency.HIGH);
        assertThat(AlertPriority.urgency(Severity.Medium)).isEqualTo(Urgency.NORMAL);
        assertThat(AlertPriority.urgency(Severity.Informational)).isEqualTo(Urgency.LOW);
    }
}
