package io.mderesponse.defender.client.budget;

/**
 * How urgent a call is. {@link #LOW} calls never take the last tokens of a window (the reserve,
 * {@code defender.budget.low-priority-reserve}), so urgent work of the same process always finds budget.
 */
public enum CallPriority {
    /** Everything by default: polling, isolation, enrichment of alerts that may lead to an action. */
    NORMAL,
    /** Work that can wait when the budget is short, e.g. enrichment of Low and Informational alerts. */
    LOW
}
