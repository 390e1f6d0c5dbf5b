package io.mderesponse.decision.state;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/**
 * One claim on the isolation budget, appended to the single-partition {@code isolation-budget} topic. Whether it
 * is granted follows from the claims before it in the log, so every replica reaches the same verdict.
 *
 * @param approved an approved hold: always granted, and counted
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BudgetClaim(UUID requestId, String machineId, UUID decisionId, Instant claimedAt, boolean approved) {
}
