package io.mderesponse.decision.state;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.DecisionOutcome;
import java.time.Instant;

/**
 * A decision held by the cap, keyed by its decision id in {@code defender.internal.decision.approvals}; the last
 * record of a key is its state (compaction keeps it).
 *
 * @param settledAs null while it waits; APPROVED, DENIED or EXPIRED once settled
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HeldDecision(DecisionMade held, Instant heldAt, Instant expiresAt, DecisionOutcome settledAs,
        String settledBy) {

    @JsonIgnore
    public boolean pending() {
        return settledAs == null;
    }

    public HeldDecision settled(DecisionOutcome outcome, String by) {
        return new HeldDecision(held, heldAt, expiresAt, outcome, by);
    }
}
