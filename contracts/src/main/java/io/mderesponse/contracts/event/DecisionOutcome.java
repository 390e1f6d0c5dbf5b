package io.mderesponse.contracts.event;

import java.util.EnumSet;
import java.util.Set;

/** How a decision ended. Constant names are the wire values. */
public enum DecisionOutcome {
    /** A rule matched and its actions were requested. */
    ACTED,
    /** No rule matched. */
    NO_MATCH,
    /** A dry-run rule matched; nothing was requested and neither the machine window nor the cap counts it. */
    DRY_RUN,
    /** A rule matched but the machine is excluded (tag, RBAC group or id). */
    EXCLUDED,
    /** A rule matched but the machine was isolated within the machine window. */
    SUPPRESSED,
    /** A rule matched but the hourly cap is reached; the decision waits for approval. */
    HELD,
    /** A held decision was approved; {@code supersedes} names it. */
    APPROVED,
    /** A held decision was denied; {@code supersedes} names it. */
    DENIED,
    /** A held decision was neither approved nor denied in time; {@code supersedes} names it. */
    EXPIRED,
    /** An operator asked to release (unisolate) a machine; there is no alert. */
    RELEASED;

    private static final Set<DecisionOutcome> RESOLVING_A_HOLD = EnumSet.of(APPROVED, DENIED, EXPIRED);

    /** True for the outcomes that settle an earlier {@link #HELD} decision. */
    public boolean resolvesHold() {
        return RESOLVING_A_HOLD.contains(this);
    }
}
