package io.mderesponse.defender.client.error;

import io.mderesponse.defender.client.DefenderOperation;
import java.time.Duration;

/**
 * No token of the call's family came free within {@code defender.budget.max-wait} (or the budget knew none
 * would, e.g. during a long 429 pause, or with the hour's share used up): the call was <em>not sent</em>.
 * A {@link DefenderThrottledException}, so callers that reschedule throttled work handle it the same way;
 * {@link #retryAfter()} says when a token is expected, when the budget can tell.
 */
public class DefenderBudgetExhaustedException extends DefenderThrottledException {

    public DefenderBudgetExhaustedException(DefenderOperation operation, Duration nextToken, String reason,
            Throwable cause) {
        super(operation, ErrorDetails.noResponse(), nextToken, "not sent: " + ErrorDetails.clean(reason), cause);
    }
}
