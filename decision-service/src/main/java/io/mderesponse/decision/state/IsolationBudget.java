package io.mderesponse.decision.state;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

/**
 * The hourly cap as a deterministic function of the claims log: a claim is granted when fewer than {@code max}
 * granted claims have a time after {@code window} before its own, or when it is an approval (always granted,
 * always counted). Granted claims with a time later than this claim's count too: replicas (and the workers of
 * one replica) stamp a claim before they append it, so the log is not in time order, and leaving a later-stamped
 * grant out would let one more isolation through than the cap allows. A claim for a request id already granted (a
 * redelivered decision) is granted again without counting twice. Every replica applies the same log in the same
 * order, so all agree on every verdict. Claims and verdicts older than two windows are forgotten, refused ones too,
 * so memory holds two windows of claims whatever the history.
 */
final class IsolationBudget {

    private final int max;
    private final Duration window;
    private final Deque<Instant> granted = new ArrayDeque<>();
    private final Map<UUID, Instant> grantedRequests = new HashMap<>();
    /** Every claim's verdict with its time; forgotten, refused ones too, two windows after the claim. */
    private final Map<UUID, Verdict> verdicts = new HashMap<>();

    IsolationBudget(int max, Duration window) {
        this.max = max;
        this.window = window;
    }

    synchronized boolean apply(BudgetClaim claim) {
        Instant at = claim.claimedAt();
        forgetBefore(at.minus(window.multipliedBy(2)));
        boolean verdict;
        if (grantedRequests.containsKey(claim.requestId())) {
            verdict = true;
        } else {
            Instant from = at.minus(window);
            long inWindow = granted.stream().filter(t -> t.isAfter(from)).count();
            verdict = claim.approved() || inWindow < max;
            if (verdict) {
                granted.addLast(at);
                grantedRequests.put(claim.requestId(), at);
            }
        }
        verdicts.put(claim.requestId(), new Verdict(verdict, at));
        return verdict;
    }

    synchronized Boolean verdict(UUID requestId) {
        Verdict verdict = verdicts.get(requestId);
        return verdict == null ? null : verdict.granted();
    }

    /** Verdicts in memory, for tests. */
    synchronized int verdictCount() {
        return verdicts.size();
    }

    /** Isolations granted in the window ending now. */
    synchronized long used(Instant now) {
        Instant from = now.minus(window);
        return granted.stream().filter(t -> t.isAfter(from)).count();
    }

    private void forgetBefore(Instant limit) {
        granted.removeIf(t -> t.isBefore(limit));
        for (Iterator<Map.Entry<UUID, Instant>> it = grantedRequests.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<UUID, Instant> entry = it.next();
            if (entry.getValue().isBefore(limit)) {
                it.remove();
            }
        }
        verdicts.values().removeIf(verdict -> verdict.at().isBefore(limit));
    }

    private record Verdict(boolean granted, Instant at) {
    }
}
