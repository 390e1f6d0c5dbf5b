package io.mderesponse.decision.service.backtest;

import java.util.List;

/**
 * What a candidate rules file would have done to the retained enriched alerts (the answer of
 * {@code POST /rules/backtest}). Counts are per record: an alert enriched twice counts twice.
 *
 * @param version the candidate's content hash
 * @param complete false when the read stopped early (time or record limit), see {@code incompleteBecause}
 * @param records records read
 * @param events records that were valid events, each decided by the candidate
 * @param unreadable records that are not valid enriched events (live, they went to the dead letter topic)
 * @param rules per rule in file order: events it would take (first match) and events it failed on
 * @param noMatch events no rule would take
 * @param wouldIsolate machines the candidate would isolate (rules with isolate, not dry-run), by machine id: the
 *     first {@code rules.backtest.max-machines} found
 * @param wouldIsolateTruncated true when more machines would be isolated than {@code wouldIsolate} lists
 *     ({@code rules.backtest.max-machines}); the per-rule counts still include their events
 */
public record BacktestReport(String version, String topic, boolean complete, String incompleteBecause,
        long records, long events, long unreadable, List<RuleCount> rules, long noMatch,
        List<IsolatedMachine> wouldIsolate, boolean wouldIsolateTruncated) {

    /**
     * @param matched events this rule would take (as {@code DRY_RUN} decisions when {@code dryRun})
     * @param errors events its condition could not be evaluated on (live, they would go to the dead letter topic)
     */
    public record RuleCount(String id, List<String> actions, boolean dryRun, long matched, long errors) {
    }

    /** @param events how many of the events would isolate it */
    public record IsolatedMachine(String machineId, String computerDnsName, long events, List<String> rules) {
    }
}
