package io.mderesponse.decision.state;

import io.mderesponse.contracts.event.MachineActionKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.ToIntFunction;

/**
 * The hourly caps, one per action kind (isolation's is the one of old), as a deterministic function of the claims
 * log. A claim is granted when, for every kind it claims, the granted actions of that kind with a time after
 * {@code window} before its own plus the claim's new ones of that kind stay within the kind's cap; or when it is an
 * approval (always granted, always counted). It is granted whole or not at all. Granted actions with a time later
 * than this claim's count too: replicas (and the workers of one replica) stamp a claim before they append it, so
 * the log is not in time order, and leaving a later-stamped grant out would let one more action through than the
 * cap allows. An action whose request id was already granted (a redelivered decision) is granted again without
 * counting twice. Every replica applies the same log in the same order, so all agree on every verdict. Claims and
 * verdicts older than two windows are forgotten, refused ones too, so memory holds two windows of claims whatever
 * the history.
 */
final class IsolationBudget {

    private final ToIntFunction<MachineActionKind> max;
    private final Duration window;
    private final Map<MachineActionKind, Deque<Instant>> granted = new EnumMap<>(MachineActionKind.class);
    private final Map<UUID, Instant> grantedRequests = new HashMap<>();
    /** Every claim's verdict with its time; forgotten, refused ones too, two windows after the claim. */
    private final Map<UUID, Verdict> verdicts = new HashMap<>();

    /** Isolations only, at most {@code max} per window (and every other kind alike). */
    IsolationBudget(int max, Duration window) {
        this(kind -> max, window);
    }

    /** @param max each kind's cap per window */
    IsolationBudget(ToIntFunction<MachineActionKind> max, Duration window) {
        this.max = max;
        this.window = window;
    }

    synchronized boolean apply(BudgetClaim claim) {
        Instant at = claim.claimedAt();
        forgetBefore(at.minus(window.multipliedBy(2)));
        List<BudgetClaim.ClaimedAction> fresh = claim.claimed().stream()
                .filter(action -> !grantedRequests.containsKey(action.requestId())).toList();
        Set<MachineActionKind> over = new TreeSet<>();
        if (!claim.approved()) {
            Instant from = at.minus(window);
            Map<MachineActionKind, Integer> wanted = new EnumMap<>(MachineActionKind.class);
            fresh.forEach(action -> wanted.merge(action.kind(), 1, Integer::sum));
            wanted.forEach((kind, count) -> {
                long inWindow = granted.getOrDefault(kind, new ArrayDeque<>()).stream()
                        .filter(t -> t.isAfter(from)).count();
                if (inWindow + count > max.applyAsInt(kind)) {
                    over.add(kind);
                }
            });
        }
        boolean verdict = over.isEmpty();
        if (verdict) {
            for (BudgetClaim.ClaimedAction action : fresh) {
                granted.computeIfAbsent(action.kind(), kind -> new ArrayDeque<>()).addLast(at);
                grantedRequests.put(action.requestId(), at);
            }
        }
        verdicts.put(claim.requestId(), new Verdict(verdict, at, Set.copyOf(over)));
        return verdict;
    }

    synchronized Boolean verdict(UUID requestId) {
        Verdict verdict = verdicts.get(requestId);
        return verdict == null ? null : verdict.granted();
    }

    /** The kinds whose cap refused the claim {@code requestId}; empty when granted or unknown. */
    synchronized Set<MachineActionKind> overCap(UUID requestId) {
        Verdict verdict = verdicts.get(requestId);
        return verdict == null ? Set.of() : verdict.over();
    }

    /** Verdicts in memory, for tests. */
    synchronized int verdictCount() {
        return verdicts.size();
    }

    /** Isolations granted in the window ending now. */
    synchronized long used(Instant now) {
        return used(MachineActionKind.ISOLATE, now);
    }

    /** Actions of {@code kind} granted in the window ending now. */
    synchronized long used(MachineActionKind kind, Instant now) {
        Instant from = now.minus(window);
        return granted.getOrDefault(kind, new ArrayDeque<>()).stream().filter(t -> t.isAfter(from)).count();
    }

    private void forgetBefore(Instant limit) {
        granted.values().forEach(times -> times.removeIf(t -> t.isBefore(limit)));
        for (Iterator<Map.Entry<UUID, Instant>> it = grantedRequests.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<UUID, Instant> entry = it.next();
            if (entry.getValue().isBefore(limit)) {
                it.remove();
            }
        }
        verdicts.values().removeIf(verdict -> verdict.at().isBefore(limit));
    }

    private record Verdict(boolean granted, Instant at, Set<MachineActionKind> over) {
    }
}
