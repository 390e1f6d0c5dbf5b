package io.mderesponse.enrichment.service;

import io.mderesponse.contracts.defender.Severity;
import io.mderesponse.defender.client.budget.CallPriority;

/**
 * Which alerts may wait for budget: Low, Informational and UnSpecified ones, which the classic rule never acts on.
 * Medium and High alerts are enriched at normal priority and never wait behind them.
 */
public final class AlertPriority {

    private AlertPriority() {
    }

    public static CallPriority of(Severity severity) {
        return severity != null && severity.isAtLeast(Severity.Medium) ? CallPriority.NORMAL : CallPriority.LOW;
    }
}
