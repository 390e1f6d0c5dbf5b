package io.mderesponse.notifier.service;

import io.mderesponse.notifier.state.ActionOutcome;
import io.mderesponse.notifier.state.SentEntry;
import io.mderesponse.notifier.state.SentLogStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Remembers what was emailed (the sent-log) and rations emails in storms. Plain Java, safe for concurrent callers.
 *
 * <p>For each notification it answers: nothing to send (every recipient already got this kind of email about this
 * alert), send now (fewer than {@code threshold} emails went out in the current window), or put it into the
 * window's digest. A window opens with the first email after the previous one closed and lasts {@code window}.
 * Sends are recorded only after the SMTP server accepted them; digest entries are recorded when queued, so both
 * survive a restart.
 *
 * <p>Concurrency: the decision ({@link #plan}) reads the sent-log and reserves under the ledger's lock; the SMTP send
 * and the sent-log writes of {@link #sent}, {@link #queue} and {@link #digestSent} happen outside it, so callers
 * about other keys plan and send in parallel. A planned key stays reserved until its outcome is recorded (or the
 * send failed); a second caller planning the same key meanwhile waits for that outcome, so one key is never
 * emailed twice by two concurrent callers.
 *
 * <p>Plans of several machine actions: each result is recorded once per request id ({@link #recordResult}), and
 * the record that finds its plan complete claims the plan's one email ({@link #claimPlanEmail}). The sent-log has
 * one partition, so every instance reads results and claims in the same order: the first claim of a decision in
 * the log wins, on every instance, also after a restart. See docs/decisions.md.
 */
public final class NotificationLedger {

    private final SentLogStore store;
    private final int threshold;
    private final Duration window;

    private final Map<String, SentEntry> entries = new HashMap<>();
    private final Map<String, SentEntry> pending = new LinkedHashMap<>();
    private Instant windowStart;
    private final Set<UUID> windowEmails = new HashSet<>();
    private int reserved;
    /** Keys planned (to send or to queue) whose outcome is not recorded yet. */
    private final Set<String> inFlight = new HashSet<>();
    /** Results of multi-action plans: decision id, then request id. */
    private final Map<UUID, Map<UUID, ActionOutcome>> results = new HashMap<>();
    /** Claims to send a plan's email: decision id, then sent-log key. */
    private final Map<UUID, Map<String, Claim>> claims = new HashMap<>();

    /** A claim to send a decision's email, by the record of {@code requestId}'s result, at {@code offset}. */
    private record Claim(UUID requestId, long offset) {
    }

    public NotificationLedger(SentLogStore store, int threshold, Duration window) {
        if (threshold < 1) {
            throw new IllegalArgumentException("the digest threshold must be at least 1, was " + threshold);
        }
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("the digest window must be positive, was " + window);
        }
        this.store = store;
        this.threshold = threshold;
        this.window = window;
    }

    /** What to do with {@code notification}. */
    public sealed interface Plan permits Skip, Send, Queue {
    }

    /** Everyone already got it. */
    public record Skip() implements Plan {
    }

    /** Send it on its own to {@code notification.recipients()} (those not emailed yet). */
    public record Send(Notification notification, Instant windowStart) implements Plan {
    }

    /** The storm threshold is reached: it goes into the digest of {@code windowStart}. */
    public record Queue(Notification notification, Instant windowStart) implements Plan {
    }

    /** A digest that is due: its window closed. {@code items} holds one entry per email, {@code keys} every key. */
    public record DueDigest(Instant windowStart, Instant windowEnd, List<String> recipients, List<SentEntry> items,
            List<String> keys) {

        /** Stable per window and recipients, so a resent digest has the same event id header. */
        public UUID id() {
            return UUID.nameUUIDFromBytes(("digest|" + windowStart + "|" + recipients)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    /** Reads what the store has (at start: the whole topic). */
    public synchronized void catchUp() {
        store.catchUp(this::apply);
    }

    /**
     * Records one result of decision {@code decisionId}'s plan (unless its request id's result is recorded already:
     * a redelivered record writes nothing) and answers every result of that decision known now, by request id. The
     * write is acknowledged before this returns, and what others wrote is read after it: of two results written at
     * once, the writer of the later one always sees the earlier one.
     */
    public Map<UUID, ActionOutcome> recordResult(UUID eventId, UUID decisionId, ActionOutcome outcome,
            Instant now) {
        synchronized (this) {
            catchUp();
            Map<UUID, ActionOutcome> known = results.get(decisionId);
            if (known != null && known.containsKey(outcome.requestId())) {
                return Map.copyOf(known);
            }
        }
        SentEntry entry = SentEntry.result(eventId, decisionId, outcome, now);
        long offset = store.write(entry.key(), entry);
        synchronized (this) {
            apply(entry.key(), entry, offset);
            catchUp();
            return Map.copyOf(results.getOrDefault(decisionId, Map.of()));
        }
    }

    /**
     * Claims decision {@code decisionId}'s email for the record of {@code outcome}'s result and answers whether it
     * is this record's to send: whether the decision's first claim in the log is by the same request id (so the
     * winning record, redelivered after a crash, still sends it; any other record never does). Writes a claim only
     * when the decision has none yet; each claim has a key of its own, so compaction keeps them all, in order.
     */
    public boolean claimPlanEmail(UUID decisionId, ActionOutcome outcome, Instant now) {
        synchronized (this) {
            catchUp();
            Optional<Claim> first = firstClaim(decisionId);
            if (first.isPresent()) {
                return first.get().requestId().equals(outcome.requestId());
            }
        }
        SentEntry claim = SentEntry.claim(UUID.randomUUID(), decisionId, outcome, now);
        long offset = store.write(claim.key(), claim);
        synchronized (this) {
            apply(claim.key(), claim, offset);
            catchUp();
            return firstClaim(decisionId).map(first -> first.requestId().equals(outcome.requestId()))
                    .orElseThrow(() -> new IllegalStateException("The claim for decision " + decisionId
                            + " is not in the sent-log after it was written"));
        }
    }

    /** Results kept for plans that have no claim yet (waiting for the rest of their plan), for the metric. */
    public synchronized int waitingResultCount() {
        return results.entrySet().stream().filter(e -> !claims.containsKey(e.getKey()))
                .mapToInt(e -> e.getValue().size()).sum();
    }

    private Optional<Claim> firstClaim(UUID decisionId) {
        return claims.getOrDefault(decisionId, Map.of()).values().stream()
                .min(java.util.Comparator.comparingLong(Claim::offset));
    }

    /**
     * Decides, after reading what other instances may have recorded; a {@link Send} reserves a slot. Waits while
     * another caller's plan for one of the same keys is still open; then decides with its outcome known.
     */
    public synchronized Plan plan(Notification notification, Instant now) {
        List<String> remaining;
        while (true) {
            catchUp();
            remaining = notification.recipients().stream()
                    .filter(r -> !entries.containsKey(key(notification, r)))
                    .toList();
            if (remaining.stream().noneMatch(r -> inFlight.contains(key(notification, r)))) {
                break;
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for another send of "
                        + notification.kind() + " about " + notification.correlationId(), e);
            }
        }
        if (remaining.isEmpty()) {
            return new Skip();
        }
        remaining.forEach(r -> inFlight.add(key(notification, r)));
        Notification toSend = remaining.size() == notification.recipients().size() ? notification
                : notification.withRecipients(remaining);
        if (windowStart == null || !now.isBefore(windowStart.plus(window))) {
            windowStart = now;
            windowEmails.clear();
            reserved = 0;
        }
        if (windowEmails.size() + reserved < threshold) {
            reserved++;
            return new Send(toSend, windowStart);
        }
        return new Queue(toSend, windowStart);
    }

    /**
     * The SMTP server accepted {@code send}'s email: record it for every recipient. The sent-log write happens
     * outside the ledger's lock; the key stays reserved until it is applied.
     */
    public void sent(Send send, Instant now) {
        Notification n = send.notification();
        List<SentEntry> written = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        try {
            for (String recipient : n.recipients()) {
                SentEntry entry = entry(SentEntry.State.SENT, n, recipient, now, send.windowStart(), true);
                offsets.add(store.write(entry.key(), entry));
                written.add(entry);
            }
        } finally {
            settle(written, offsets, n, () -> release(send));
        }
    }

    /** {@code send} failed for good: its slot in the window is free again. */
    public void failed(Send send) {
        settle(List.of(), List.of(), send.notification(), () -> release(send));
    }

    /** Records {@code queue}'s notification as waiting for its window's digest (written outside the lock). */
    public void queue(Queue queue, Instant now) {
        Notification n = queue.notification();
        List<SentEntry> written = new ArrayList<>();
        List<Long> offsets = new ArrayList<>();
        try {
            for (String recipient : n.recipients()) {
                SentEntry entry = entry(SentEntry.State.PENDING, n, recipient, now, queue.windowStart(), false);
                offsets.add(store.write(entry.key(), entry));
                written.add(entry);
            }
        } finally {
            settle(written, offsets, n, () -> { });
        }
    }

    /** Applies what was written, ends the reservation of {@code n}'s keys and wakes callers waiting for them. */
    private synchronized void settle(List<SentEntry> written, List<Long> offsets, Notification n,
            Runnable alsoUnderLock) {
        for (int i = 0; i < written.size(); i++) {
            apply(written.get(i).key(), written.get(i), offsets.get(i));
        }
        alsoUnderLock.run();
        n.recipients().forEach(r -> inFlight.remove(key(n, r)));
        notifyAll();
    }

    private static String key(Notification n, String recipient) {
        return SentEntry.key(n.kind(), n.correlationId(), recipient);
    }

    /** The digests whose window closed, one per window and group of recipients with the same items. */
    public synchronized List<DueDigest> dueDigests(Instant now) {
        Map<Instant, Map<String, List<SentEntry>>> byWindowAndRecipient = new TreeMap<>();
        for (SentEntry entry : pending.values()) {
            if (!now.isBefore(entry.windowStart().plus(window))) {
                byWindowAndRecipient.computeIfAbsent(entry.windowStart(), w -> new LinkedHashMap<>())
                        .computeIfAbsent(entry.recipient(), r -> new ArrayList<>()).add(entry);
            }
        }
        List<DueDigest> due = new ArrayList<>();
        byWindowAndRecipient.forEach((start, byRecipient) -> {
            Map<List<String>, List<String>> recipientsByItems = new LinkedHashMap<>();
            Map<List<String>, List<SentEntry>> itemsByItems = new HashMap<>();
            byRecipient.forEach((recipient, items) -> {
                List<String> itemKeys = items.stream().map(e -> e.kind() + "|" + e.correlationId()).toList();
                recipientsByItems.computeIfAbsent(itemKeys, k -> new ArrayList<>()).add(recipient);
                itemsByItems.putIfAbsent(itemKeys, items);
            });
            recipientsByItems.forEach((itemKeys, recipients) -> {
                List<SentEntry> items = itemsByItems.get(itemKeys);
                List<String> keys = new ArrayList<>();
                for (String recipient : recipients) {
                    items.forEach(item -> keys.add(SentEntry.key(item.kind(), item.correlationId(), recipient)));
                }
                due.add(new DueDigest(start, start.plus(window), List.copyOf(recipients), List.copyOf(items),
                        List.copyOf(keys)));
            });
        });
        return due;
    }

    /** The SMTP server accepted {@code digest}: every entry in it is sent (written outside the ledger's lock). */
    public void digestSent(DueDigest digest, Instant now) {
        List<SentEntry> sent = new ArrayList<>();
        synchronized (this) {
            for (String key : digest.keys()) {
                SentEntry entry = pending.get(key);
                if (entry != null) {
                    sent.add(entry.sent(now));
                }
            }
        }
        for (SentEntry entry : sent) {
            long offset = store.write(entry.key(), entry);
            synchronized (this) {
                apply(entry.key(), entry, offset);
            }
        }
    }

    /**
     * Removes the sent entries past the sent-log's retention (from the topic and from memory); answers how many.
     * Entries waiting for a digest stay until their digest is sent.
     */
    public synchronized int expireDue() {
        return store.expireDue(this::apply);
    }

    /** Entries waiting for a digest, for logs and tests. */
    public synchronized int pendingCount() {
        return pending.size();
    }

    /** Entries known (sent or waiting). */
    public synchronized int size() {
        return entries.size();
    }

    private void release(Send send) {
        if (send.windowStart().equals(windowStart) && reserved > 0) {
            reserved--;
        }
    }

    private void apply(String key, SentEntry entry, long offset) {
        if (key.startsWith(SentEntry.State.RESULT.name() + "|") || key.startsWith(SentEntry.State.CLAIM.name() + "|")) {
            applyPlanEntry(key, entry, offset);
            return;
        }
        if (entry == null) {
            entries.remove(key);
            pending.remove(key);
            return;
        }
        entries.put(key, entry);
        if (entry.state() == SentEntry.State.PENDING) {
            pending.put(key, entry);
        } else {
            pending.remove(key);
        }
        if (entry.state() == SentEntry.State.SENT && entry.counted() && entry.windowStart() != null) {
            if (windowStart == null || entry.windowStart().isAfter(windowStart)) {
                windowStart = entry.windowStart();
                windowEmails.clear();
                reserved = 0;
            }
            if (entry.windowStart().equals(windowStart)) {
                windowEmails.add(entry.eventId());
            }
        }
    }

    /** A plan's result or claim; a removed one (null) is known by its key: {@code <state>|<decision>|<id>}. */
    private void applyPlanEntry(String key, SentEntry entry, long offset) {
        String[] parts = key.split("\\|", 3);
        UUID decisionId = UUID.fromString(parts[1]);
        if (parts[0].equals(SentEntry.State.CLAIM.name())) {
            if (entry == null) {
                Map<String, Claim> ofDecision = claims.get(decisionId);
                if (ofDecision != null) {
                    ofDecision.remove(key);
                    if (ofDecision.isEmpty()) {
                        claims.remove(decisionId);
                    }
                }
            } else {
                claims.computeIfAbsent(decisionId, d -> new HashMap<>())
                        .put(key, new Claim(entry.outcome().requestId(), offset));
            }
            return;
        }
        if (entry == null) {
            Map<UUID, ActionOutcome> known = results.get(decisionId);
            if (known != null) {
                known.remove(UUID.fromString(parts[2]));
                if (known.isEmpty()) {
                    results.remove(decisionId);
                }
            }
            return;
        }
        results.computeIfAbsent(decisionId, d -> new HashMap<>()).put(entry.outcome().requestId(), entry.outcome());
    }

    private static SentEntry entry(SentEntry.State state, Notification n, String recipient, Instant now,
            Instant windowStart, boolean counted) {
        AlertView alert = alertOf(n);
        return new SentEntry(state, n.eventId(), n.kind(), n.correlationId(), recipient, now, windowStart, counted,
                n.subject(), alert == null ? null : alert.alertUrl(), alert == null ? null : alert.machineUrl());
    }

    private static AlertView alertOf(Notification n) {
        if (n.view() instanceof ActionResultView result) {
            return result.alert();
        }
        if (n.view() instanceof DecisionView decision) {
            return decision.alert();
        }
        if (n.view() instanceof PlanResultView plan) {
            return plan.alert();
        }
        return null;
    }
}
