package io.mderesponse.decision.state;

import io.mderesponse.contracts.event.MachineActionKind;
import io.mderesponse.contracts.topic.TopicDefinition;
import io.mderesponse.contracts.topic.Topics;
import io.mderesponse.decision.config.ApprovalConfig;
import io.mderesponse.decision.config.GuardConfig;
import io.mderesponse.service.state.StateTopic;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The guards' state in Kafka ({@link StateTopic}s): the machine windows (compacted, keyed by machine id for
 * isolation and by machine and kind for the others, see {@link MachineGuard#key()}), the budget of every kind's cap
 * (one partition, a log of claims) and the held decisions (compacted, one partition). Each write
 * waits for the broker's acknowledgement and is then read back in log order (a budget claim's verdict is its place
 * in the log, and so is the outcome of a held decision: the first claim to settle it); a read that must be current
 * first catches up to the end of its topic. A settled held decision and its claims are kept for
 * {@code approval.settled-retention} after its approval deadline, then removed; isolation windows are kept
 * per machine (one entry each, overwritten), the other kinds' windows until their window has passed (a pending one
 * until its result); budget claims are counted over two cap windows.
 */
@ApplicationScoped
public class GuardStore {

    private static final String BUDGET_KEY = "isolations";
    /** How often settled held decisions past their retention are removed. */
    static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    private final Map<String, Object> kafkaConfig;
    private final GuardConfig config;
    private final Duration settledRetention;
    private final Clock clock;
    private final Map<String, MachineGuard> machines = new ConcurrentHashMap<>();
    /** Each hold's state record (key {@code <decision id>}). */
    private final Map<UUID, HeldDecision> approvals = new ConcurrentHashMap<>();
    /** Each hold by the id of the request it holds back (one hold per alert and rule, see {@link #heldFor}). */
    private final Map<UUID, UUID> holdsByRequest = new ConcurrentHashMap<>();
    /** Each hold's first claim to settle it, in log order (keys {@code <decision id>/<settlement id>}). */
    private final Map<UUID, HeldDecision> firstClaims = new ConcurrentHashMap<>();
    private final IsolationBudget budget;
    private StateTopic<MachineGuard> guardsLog;
    private StateTopic<BudgetClaim> budgetLog;
    private StateTopic<HeldDecision> approvalsLog;

    @Inject
    public GuardStore(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, GuardConfig config,
            ApprovalConfig approvalConfig) {
        this(kafkaConfig, config, approvalConfig.settledRetention(), Clock.systemUTC());
    }

    public GuardStore(Map<String, Object> kafkaConfig, GuardConfig config, Duration settledRetention, Clock clock) {
        this.kafkaConfig = kafkaConfig;
        this.config = config;
        this.settledRetention = settledRetention;
        this.clock = clock;
        this.budget = new IsolationBudget(config::maxPerHour, config.capWindow());
    }

    /** The name of a guard state topic, with {@code guard.state-topic-suffix}. */
    public static String nameOf(TopicDefinition topic, GuardConfig config) {
        return topic.defaultName() + config.stateTopicSuffix().orElse("");
    }

    void onStart(@Observes StartupEvent event) {
        started();
        approvalsLog.sweepEvery(SWEEP_INTERVAL, this::expireDue);
        guardsLog.sweepEvery(SWEEP_INTERVAL, () -> guardsLog.expireDue(this::applyMachine));
    }

    void onStop(@Observes ShutdownEvent event) {
        close();
    }

    public synchronized void close() {
        for (StateTopic<?> log : new StateTopic<?>[] {guardsLog, budgetLog, approvalsLog}) {
            if (log != null) {
                log.close();
            }
        }
    }

    private synchronized GuardStore started() {
        if (guardsLog == null) {
            // Isolation's windows are kept as always (one per machine); the other kinds' (one per machine and kind,
            // a quarantine's per file) are removed once their window has passed, so the topic stays bounded.
            guardsLog = open(Topics.DECISION_GUARDS, MachineGuard.class)
                    .expiresAt(guard -> guard.actionKind() == MachineActionKind.ISOLATE
                            || guard.status() == MachineGuard.Status.PENDING ? Optional.empty()
                            : Optional.of(guard.isolatedAt().plus(config.machineWindow(guard.actionKind()))))
                    .open();
            budgetLog = open(Topics.ISOLATION_BUDGET, BudgetClaim.class).open();
            approvalsLog = open(Topics.DECISION_APPROVALS, HeldDecision.class)
                    .expiresAt(held -> held.pending() ? Optional.empty()
                            : Optional.of(held.expiresAt().plus(settledRetention)))
                    .open();
            guardsLog.catchUp(this::applyMachine);
            budgetLog.catchUp(this::applyClaim);
            approvalsLog.catchUp(this::applyHeld);
        }
        return this;
    }

    private <V> StateTopic.Builder<V> open(TopicDefinition topic, Class<V> type) {
        // The guard topics are written by this service only; a record it cannot read is skipped loudly rather
        // than stopping every guard.
        return StateTopic.builder(kafkaConfig, nameOf(topic, config), type)
                .clientId("decision-service")
                .ownWrites(StateTopic.OwnWrites.READ_BACK)
                .unreadable(StateTopic.Unreadable.SKIP)
                .clock(clock);
    }

    private void applyMachine(String key, MachineGuard guard, long offset) {
        if (guard == null) {
            machines.remove(key);
        } else {
            machines.put(key, guard);
        }
    }

    private void applyClaim(String key, BudgetClaim claim, long offset) {
        if (claim != null) {
            budget.apply(claim);
        }
    }

    private void applyHeld(String key, HeldDecision held, long offset) {
        int slash = key.indexOf('/');
        if (slash < 0) {
            UUID decisionId = UUID.fromString(key);
            if (held == null) {
                HeldDecision removed = approvals.remove(decisionId);
                firstClaims.remove(decisionId);
                if (removed != null) {
                    requestIdOf(removed).ifPresent(request -> holdsByRequest.remove(request, decisionId));
                }
            } else if (approvals.put(decisionId, held) == null) {
                requestIdOf(held).ifPresent(request -> holdsByRequest.putIfAbsent(request, decisionId));
            }
            return;
        }
        UUID decisionId = UUID.fromString(key.substring(0, slash));
        if (held != null) {
            // Log order decides: every replica reads the claims in the same order, so all agree on the first.
            firstClaims.putIfAbsent(decisionId, held);
        } else {
            UUID settlementId = UUID.fromString(key.substring(slash + 1));
            firstClaims.computeIfPresent(decisionId,
                    (id, first) -> first.settlement().decisionId().equals(settlementId) ? null : first);
        }
    }

    /**
     * A hold as it stands: its state record once the winner has published (or before anyone claimed it), else the
     * first claim, which settles it even before its settlement is published.
     */
    private Optional<HeldDecision> view(UUID decisionId) {
        HeldDecision state = approvals.get(decisionId);
        if (state == null || !state.pending()) {
            return Optional.ofNullable(state);
        }
        return Optional.of(firstClaims.getOrDefault(decisionId, state));
    }

    /** The machine's isolation window state, current as of this call. */
    public Optional<MachineGuard> machine(String machineId) {
        return window(machineId, MachineActionKind.ISOLATE, null);
    }

    /** The machine's window of {@code kind} (and file {@code sha1}, for a quarantine), current as of this call. */
    public Optional<MachineGuard> window(String machineId, MachineActionKind kind, String sha1) {
        started().guardsLog.catchUp(this::applyMachine);
        return Optional.ofNullable(machines.get(MachineGuard.keyOf(machineId, kind, sha1)));
    }

    public void putMachine(MachineGuard guard) {
        started().guardsLog.write(guard.key(), guard);
        guardsLog.catchUp(this::applyMachine);
    }

    /**
     * Appends a claim to the budget log and returns its verdict, decided by its place in the log: true when the
     * isolation may go ahead.
     */
    public boolean claim(BudgetClaim claim) {
        started().budgetLog.write(BUDGET_KEY, claim);
        budgetLog.catchUp(this::applyClaim);
        return Boolean.TRUE.equals(budget.verdict(claim.requestId()));
    }

    /** The kinds whose cap refused the claim {@code claimId} (its first request id); empty when it was granted. */
    public Set<MachineActionKind> overCap(UUID claimId) {
        return budget.overCap(claimId);
    }

    /** Isolations granted in the cap window ending now, as this instance has read them. */
    public long isolationsInWindow() {
        return started().budget.used(clock.instant());
    }

    /** The hold as it stands now: pending, settled by the first claim, or settled and published. */
    public Optional<HeldDecision> held(UUID decisionId) {
        started().approvalsLog.catchUp(this::applyHeld);
        return view(decisionId);
    }

    /**
     * The hold, as it stands now, of the request {@code requestId} (its plan's first, derived from alert and rule),
     * if one was written: an enriched alert delivered again (after a rebalance, on any replica) finds the hold it
     * already has instead of making a second one that could be settled differently.
     */
    public Optional<HeldDecision> heldFor(UUID requestId) {
        started().approvalsLog.catchUp(this::applyHeld);
        return Optional.ofNullable(holdsByRequest.get(requestId)).flatMap(this::view);
    }

    /**
     * The request a hold holds back: its plan's first (for holds written before other kinds, the isolation); none
     * for a hold without a rule or plan, which no valid record has.
     */
    private static Optional<UUID> requestIdOf(HeldDecision held) {
        return held.held().ruleId() == null || held.held().plan().isEmpty() ? Optional.empty()
                : Optional.of(held.held().plan().get(0).requestId());
    }

    /** Every hold as it stands now. */
    public Collection<HeldDecision> allHeld() {
        started().approvalsLog.catchUp(this::applyHeld);
        return approvals.keySet().stream().map(this::view).flatMap(Optional::stream).toList();
    }

    /** Held decisions still waiting for approval, as this instance knows them now (for the metric; no wait). */
    public long pendingHeldCount() {
        return approvals.keySet().stream().map(this::view).flatMap(Optional::stream)
                .filter(HeldDecision::pending).count();
    }

    /** Held decisions in memory, settled ones included, for tests. */
    public int heldCount() {
        return approvals.size();
    }

    /** Budget verdicts in memory, for tests. */
    public int budgetVerdictCount() {
        return budget.verdictCount();
    }

    /** Writes a hold's state: waiting, or settled and published (by the replica whose claim won). */
    public void putHeld(HeldDecision held) {
        started().approvalsLog.write(held.held().decisionId().toString(), held);
        approvalsLog.catchUp(this::applyHeld);
    }

    /**
     * Appends a claim to settle a hold ({@link HeldDecision#claim}) and answers whether it won: whether, reading
     * the one-partition approvals log in order, it is the first claim for that hold. Each claim has a key of its
     * own ({@code <decision id>/<settlement id>}), so compaction keeps every claim, in order, until the hold's
     * retention ends. Only the winner may publish the settlement; every replica answers the same.
     */
    public boolean claimSettlement(HeldDecision claim) {
        if (claim.settlement() == null) {
            throw new IllegalArgumentException("A claim carries its settlement");
        }
        UUID decisionId = claim.held().decisionId();
        started().approvalsLog.write(decisionId + "/" + claim.settlement().decisionId(), claim);
        approvalsLog.catchUp(this::applyHeld);
        HeldDecision first = firstClaims.get(decisionId);
        return first != null && first.settlement().decisionId().equals(claim.settlement().decisionId());
    }

    /** Holds whose winning claim is not published yet, as of now (after a crash between the two). */
    public List<HeldDecision> awaitingPublication() {
        return allHeld().stream().filter(HeldDecision::awaitingPublication).toList();
    }

    /** Removes settled held decisions past their retention (topic and memory); answers how many. */
    public int expireDue() {
        return started().approvalsLog.expireDue(this::applyHeld);
    }
}
