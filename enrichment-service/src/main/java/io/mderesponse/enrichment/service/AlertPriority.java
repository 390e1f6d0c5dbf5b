package io.mderesponse.enrichment.service;

import io.mderesponse.contracts.defender.Severity;
import io.mderesponse.defender.client.budget.CallPriority;
import io.mderesponse.service.processing.Urgency;

/**
 * How urgent an alert is, by severity. High alerts go first when enrichment has more work than it can start, and
 * their Defender calls may use the budget's high-priority reserve; Medium alerts come next and wait for budget in
 * place; Low, Informational and UnSpecified ones, which the classic rule never acts on, are deferred when the
 * budget is short.
 */
public final class AlertPriority {

    private AlertPriority() {
    }

    /** The priority of the alert's Defender calls. */
    public static CallPriority of(Severity severity) {
        if (severity == Severity.High) {
            return CallPriority.HIGH;
        }
        return severity != null && severity.isAtLeast(Severity.Medium) ? CallPriority.NORMAL : CallPriority.LOW;
    }

    /** Its place in enrichment's queue. */
    public static Urgency urgency(Severity severity) {
        return switch (of(severity)) {
            case HIGH -> Urgency.HIGH;
            case NORMAL -> Urgency.NORMAL;
            case LOW -> Urgency.LOW;
        };
    }
}
