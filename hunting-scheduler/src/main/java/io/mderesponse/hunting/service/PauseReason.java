package io.mderesponse.hunting.service;

import io.mderesponse.defender.client.error.DefenderBudgetExhaustedException;
import io.mderesponse.defender.client.error.DefenderThrottledException;
import java.util.Locale;

/** Why advanced hunting pauses; the metric tag and the log say which. */
public enum PauseReason {
    /** The API's 429 for the CPU quota of advanced hunting (Defender: 10 min of CPU per hour, 3 h per day). */
    CPU_QUOTA("cpu-quota", "the tenant's CPU quota of advanced hunting is used up"),
    /** The API's 429 for the call count (45 per minute, and Defender's 1,500 per hour, per tenant). */
    REQUEST_QUOTA("request-quota", "the tenant's call quota of advanced hunting is used up"),
    /**
     * This process's own share ({@code defender.budget.graphhunting.*} or {@code defender.budget.advancedqueries.*})
     * is used up; nothing was sent.
     */
    BUDGET("budget", "this service's hunting budget (defender.budget.graphhunting.* or "
            + "defender.budget.advancedqueries.*, by hunting.api) is used up");

    private final String tag;
    private final String explanation;

    PauseReason(String tag, String explanation) {
        this.tag = tag;
        this.explanation = explanation;
    }

    public String tag() {
        return tag;
    }

    public String explanation() {
        return explanation;
    }

    /** The 429 body says which quota it is; the budget's refusal is its own exception. */
    public static PauseReason of(DefenderThrottledException e) {
        if (e instanceof DefenderBudgetExhaustedException) {
            return BUDGET;
        }
        String message = e.errorMessage().orElse("").toLowerCase(Locale.ROOT);
        return message.contains("cpu") ? CPU_QUOTA : REQUEST_QUOTA;
    }
}
