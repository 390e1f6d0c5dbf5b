package io.mderesponse.defender.client.budget;

/**
 * How urgent a call is. {@link #LOW} calls never take the last tokens of a window (the reserve,
 * {@code defender.budget.low-priority-reserve}), so urgent work of the same process always finds budget;
 * {@link #NORMAL} calls leave the last {@code defender.budget.high-priority-reserve} of a window to {@link #HIGH}
 * ones, so that in a storm the alerts most likely to need an isolation still find budget after the others spent
 * theirs.
 */
public enum CallPriority {
    /** Work for the alerts most likely to need an action (High severity): may take every token. */
    HIGH,
    /** Everything by default: polling, isolation, enrichment of alerts that may lead to an action. */
    NORMAL,
    /** Work that can wait when the budget is short, e.g. enrichment of Low and Informational alerts. */
    LOW
}
