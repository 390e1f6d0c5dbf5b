package io.mderesponse.decision.service.backtest;

import io.mderesponse.contracts.event.DecisionOutcome;
import io.mderesponse.contracts.event.EnrichedEvent;
import io.mderesponse.decision.service.Decision;
import io.mderesponse.decision.service.DecisionService;
import io.mderesponse.decision.service.rules.Rule;
import io.mderesponse.decision.service.rules.RuleEvaluationException;
import io.mderesponse.decision.service.rules.RuleSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Tallies what a candidate rule set would decide on past events, using the same {@link DecisionService} as the
 * live consumer, without publishing anything: per rule (in file order) how many events it would take, how many
 * match no rule, how many it could not evaluate, and which machines it would isolate (at most
 * {@code maxMachines} of them, so the answer stays small; the counts still take every event).
 */
public final class Backtest {

    private final RuleSet candidate;
    private final DecisionService decisions;
    private final Map<String, long[]> matchedByRule = new LinkedHashMap<>();
    private final Map<String, long[]> errorsByRule = new LinkedHashMap<>();
    private final Map<String, Machine> isolated = new TreeMap<>();
    private final int maxMachines;
    private boolean machinesLeftOut;
    private long events;
    private long noMatch;
    private long unreadable;

    public Backtest(RuleSet candidate, int maxMachines) {
        this.candidate = candidate;
        this.maxMachines = maxMachines;
        this.decisions = new DecisionService(() -> candidate);
        for (Rule rule : candidate.rules()) {
            matchedByRule.put(rule.id(), new long[1]);
            errorsByRule.put(rule.id(), new long[1]);
        }
    }

    public void add(EnrichedEvent event) {
        events++;
        Decision decision;
        try {
            decision = decisions.decide(event);
        } catch (RuleEvaluationException e) {
            errorsByRule.get(e.ruleId())[0]++;
            return;
        }
        if (decision.decision().outcome() == DecisionOutcome.NO_MATCH) {
            noMatch++;
            return;
        }
        matchedByRule.get(decision.decision().ruleId())[0]++;
        decision.request().ifPresent(request -> isolate(request.machineId(),
                event.machine() == null ? null : event.machine().computerDnsName(), decision.decision().ruleId()));
    }

    private void isolate(String machineId, String name, String ruleId) {
        Machine machine = isolated.get(machineId);
        if (machine == null) {
            if (isolated.size() >= maxMachines) {
                machinesLeftOut = true;
                return;
            }
            machine = new Machine(machineId, name);
            isolated.put(machineId, machine);
        }
        machine.add(ruleId);
    }

    /** A record that is not a valid enriched event (it went to the dead letter topic when it was live). */
    public void addUnreadable() {
        unreadable++;
    }

    public BacktestReport report(String topic, long records, boolean complete, String incompleteBecause) {
        List<BacktestReport.RuleCount> rules = new ArrayList<>();
        for (Rule rule : candidate.rules()) {
            rules.add(new BacktestReport.RuleCount(rule.id(), rule.actionNames(),
                    rule.dryRun(), matchedByRule.get(rule.id())[0], errorsByRule.get(rule.id())[0]));
        }
        List<BacktestReport.IsolatedMachine> machines = isolated.values().stream()
                .map(machine -> new BacktestReport.IsolatedMachine(machine.id, machine.name, machine.events,
                        List.copyOf(machine.rules)))
                .toList();
        return new BacktestReport(candidate.version(), topic, complete, incompleteBecause, records, events,
                unreadable, rules, noMatch, machines, machinesLeftOut);
    }

    /** A machine the candidate would isolate, with how often and by which rules. */
    private static final class Machine {

        private final String id;
        private final String name;
        private final List<String> rules = new ArrayList<>();
        private long events;

        Machine(String id, String name) {
            this.id = id;
            this.name = name;
        }

        void add(String ruleId) {
            events++;
            if (!rules.contains(ruleId)) {
                rules.add(ruleId);
            }
        }
    }
}
