package io.mderesponse.defender.client.budget;

import io.mderesponse.defender.client.ApiFamily;
import java.time.Duration;
import java.util.Optional;

/**
 * No token of a family came free within the longest wait allowed; nothing was sent. The Defender client turns
 * it into {@code DefenderBudgetExhaustedException}.
 */
public class BudgetExhaustedException extends RuntimeException {

    private final ApiFamily family;
    private final transient Duration nextToken;

    public BudgetExhaustedException(ApiFamily family, Duration nextToken, String reason) {
        super(reason);
        this.family = family;
        this.nextToken = nextToken;
    }

    public ApiFamily family() {
        return family;
    }

    /** How long until the budget expects a token of the family, when it can tell. */
    public Optional<Duration> nextToken() {
        return Optional.ofNullable(nextToken);
    }
}
