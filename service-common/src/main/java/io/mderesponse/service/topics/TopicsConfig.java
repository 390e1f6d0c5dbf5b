package io.mderesponse.service.topics;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The public topic names, renamed through {@code topics.*} (environment {@code TOPICS_*}). The defaults are those
 * of {@code io.mderesponse.contracts.topic.Topics}; a test keeps the two equal.
 */
@ConfigMapping(prefix = "topics")
public interface TopicsConfig {

    /** New alert ids ({@code AlertDetected}, {@code AlertSeverityRaised}), keyed by alert id. */
    @WithDefault("defender.alerts.new")
    String alertsNew();

    /** Full alerts with their machines ({@code AlertEnriched}, {@code HuntingRowEnriched}). */
    @WithDefault("defender.alerts.enriched")
    String alertsEnriched();

    /** Every decision ({@code DecisionMade}). */
    @WithDefault("defender.decisions")
    String decisions();

    /** Machine action requests ({@code MachineActionRequested}), keyed by machine id. */
    @WithDefault("defender.actions.requested")
    String actionsRequested();

    /** Final results of machine actions ({@code MachineActionCompleted}), keyed by machine id. */
    @WithDefault("defender.actions.results")
    String actionsResults();

    /** Requests of the machine actions other than isolation ({@code ResponseActionRequested}), keyed by machine id. */
    @WithDefault("defender.response-actions.requested")
    String responseActionsRequested();

    /** Their final results ({@code ResponseActionCompleted}), keyed by machine id. */
    @WithDefault("defender.response-actions.results")
    String responseActionsResults();

    /** Rows of scheduled advanced hunting queries ({@code HuntingRowFound}). */
    @WithDefault("defender.hunting.results")
    String huntingResults();

    /** Raw API answers the poller could not parse, with the reason. */
    @WithDefault("defender.alert-poller.dlq")
    String alertPollerDlq();
}
