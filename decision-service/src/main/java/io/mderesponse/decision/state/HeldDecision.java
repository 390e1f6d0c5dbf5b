package io.mderesponse.decision.state;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.DecisionOutcome;
import java.time.Instant;
import java.util.Objects;

/**
 * A decision held by the cap, in {@code defender.internal.decision.approvals}. Under the key {@code <decision id>}
 * it is the hold's state (the last record of the key; compaction keeps it); under
 * {@code <decision id>/<settlement id>} it is one replica's claim to settle it, of which the first in the log wins
 * (see {@link GuardStore#claimSettlement}).
 *
 * @param settledAs null while it waits; APPROVED, DENIED or EXPIRED once settled
 * @param settlement the settling decision to publish (APPROVED, DENIED or EXPIRED), its ids included, so that a
 *     replica re-driving an unpublished settlement publishes the very same event; null while it waits, and in
 *     records written before settlements were claimed
 * @param published the settlement (and, when approved, its request) has been published
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HeldDecision(DecisionMade held, Instant heldAt, Instant expiresAt, DecisionOutcome settledAs,
        String settledBy, DecisionMade settlement, boolean published) {

    /** A hold waiting for approval until {@code expiresAt}. */
    public static HeldDecision waiting(DecisionMade held, Instant heldAt, Instant expiresAt) {
        return new HeldDecision(held, heldAt, expiresAt, null, null, null, false);
    }

    @JsonIgnore
    public boolean pending() {
        return settledAs == null;
    }

    /** A claim to settle this hold with {@code settlement} (made by {@link DecisionMade#settling}), not published. */
    public HeldDecision claim(DecisionMade settlement) {
        Objects.requireNonNull(settlement, "settlement");
        if (!held.decisionId().equals(settlement.supersedes())) {
            throw new IllegalArgumentException("Settlement " + settlement.decisionId() + " supersedes "
                    + settlement.supersedes() + ", not the held decision " + held.decisionId());
        }
        return new HeldDecision(held, heldAt, expiresAt, settlement.outcome(), settlement.approvedBy(), settlement,
                false);
    }

    /** This settled hold once its settlement is published. */
    public HeldDecision asPublished() {
        return new HeldDecision(held, heldAt, expiresAt, settledAs, settledBy, settlement, true);
    }

    /** Won its claim but not published yet: a crash came between the two (or the winner is publishing now). */
    @JsonIgnore
    public boolean awaitingPublication() {
        return settlement != null && !published;
    }
}
