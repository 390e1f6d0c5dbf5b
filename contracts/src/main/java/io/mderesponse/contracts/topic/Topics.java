package io.mderesponse.contracts.topic;

import io.mderesponse.contracts.event.EventType;
import io.mderesponse.contracts.id.SafeText;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every topic of the system with its default name.
 *
 * <p>Partition counts, chosen up front because adding partitions later moves keys to other partitions and
 * breaks per-machine ordering:
 * <ul>
 *   <li>6 for the public pipeline topics: up to 6 instances per consumer group, divisible by 1, 2 and 3
 *       instances, and cheap on a small cluster;</li>
 *   <li>6 for internal topics keyed like a pipeline topic they follow (enrichment deferrals, decision guards),
 *       so the instance that owns a key's partition of the pipeline topic also owns its state;</li>
 *   <li>1 where one owner must see everything in order (poller state and leadership, hunting leadership, the
 *       global isolation budget) or where every instance of the owner reads the whole, small, compacted topic as a table
 *       (approvals, response intents and request map, notifier sent-log, hunting seen rows).</li>
 * </ul>
 */
public final class Topics {

    /** Partitions of the public pipeline topics. */
    public static final int PIPELINE_PARTITIONS = 6;

    public static final TopicDefinition ALERTS_NEW = pipeline("topics.alerts-new", "defender.alerts.new",
            Services.ALERT_POLLER, "alert id", EventType.ALERT_DETECTED, EventType.ALERT_SEVERITY_RAISED);
    public static final TopicDefinition ALERTS_ENRICHED = pipeline("topics.alerts-enriched",
            "defender.alerts.enriched", Services.ENRICHMENT, "machine id, else alert id (hunting: else row key)",
            EventType.ALERT_ENRICHED, EventType.HUNTING_ROW_ENRICHED);
    public static final TopicDefinition DECISIONS = pipeline("topics.decisions", "defender.decisions",
            Services.DECISION, "machine id, else alert id (hunting: else row key)", EventType.DECISION_MADE);
    public static final TopicDefinition ACTIONS_REQUESTED = pipeline("topics.actions-requested",
            "defender.actions.requested", Services.DECISION, "machine id", EventType.MACHINE_ACTION_REQUESTED);
    public static final TopicDefinition ACTIONS_RESULTS = pipeline("topics.actions-results",
            "defender.actions.results", Services.RESPONSE, "machine id", EventType.MACHINE_ACTION_COMPLETED);
    /** Machine actions other than isolation (scan, package, app restriction, quarantine): see MachineActionKind. */
    public static final TopicDefinition RESPONSE_ACTIONS_REQUESTED = pipeline("topics.response-actions-requested",
            "defender.response-actions.requested", Services.DECISION, "machine id",
            EventType.RESPONSE_ACTION_REQUESTED);
    public static final TopicDefinition RESPONSE_ACTIONS_RESULTS = pipeline("topics.response-actions-results",
            "defender.response-actions.results", Services.RESPONSE, "machine id",
            EventType.RESPONSE_ACTION_COMPLETED);
    public static final TopicDefinition HUNTING_RESULTS = pipeline("topics.hunting-results",
            "defender.hunting.results", Services.HUNTING_SCHEDULER, "device id, else row key",
            EventType.HUNTING_ROW_FOUND);
    /** Raw API answers the poller could not parse, with the reason; one partition keeps them in arrival order. */
    public static final TopicDefinition ALERT_POLLER_DLQ = new TopicDefinition("topics.alert-poller-dlq",
            "defender.alert-poller.dlq", Services.ALERT_POLLER, "none", 1, false, Visibility.PUBLIC, Set.of());

    /** The poller's watermark and recently seen alert ids, read back whole at start. */
    public static final TopicDefinition POLLER_STATE = internal("defender.internal.alert-poller.state",
            Services.ALERT_POLLER, "state entry (watermark, or alert id)", 1, true);
    /** One partition: whichever poller instance is assigned it is the one that polls. */
    public static final TopicDefinition POLLER_LEADERSHIP = internal("defender.internal.alert-poller.leadership",
            Services.ALERT_POLLER, "instance id", 1, false);
    /** Alerts whose enrichment waits for API budget; keyed and partitioned like {@code defender.alerts.new}. */
    public static final TopicDefinition ENRICHMENT_DEFERRALS = internal("defender.internal.enrichment.deferrals",
            Services.ENRICHMENT, "alert id", PIPELINE_PARTITIONS, false);
    /** Last isolation per machine (the machine window); partitioned like {@code defender.alerts.enriched}. */
    public static final TopicDefinition DECISION_GUARDS = internal("defender.internal.decision.guards",
            Services.DECISION, "machine id", PIPELINE_PARTITIONS, true);
    /** Held decisions and their approvals; every decision instance reads the whole table. */
    public static final TopicDefinition DECISION_APPROVALS = internal("defender.internal.decision.approvals",
            Services.DECISION, "held decision id", 1, true);
    /** The global hourly isolation cap: one partition, so one active owner counts every isolation. */
    public static final TopicDefinition ISOLATION_BUDGET = internal("defender.internal.decision.isolation-budget",
            Services.DECISION, "budget window", 1, false);
    /** Intents recorded before calling Defender, so a restarted instance recovers instead of calling again. */
    public static final TopicDefinition RESPONSE_INTENTS = internal("defender.internal.response.intents",
            Services.RESPONSE, "request id", 1, true);
    /** Request id to Defender's machine action id, for tracking each action to its end. */
    public static final TopicDefinition RESPONSE_REQUEST_ACTIONS = internal(
            "defender.internal.response.request-actions", Services.RESPONSE, "request id", 1, true);
    /** Emails already sent, so a redelivered event sends none twice. */
    public static final TopicDefinition NOTIFIER_SENT_LOG = internal("defender.internal.notifier.sent-log",
            Services.NOTIFIER, "notification id (event id and recipient)", 1, true);
    /** Hunting rows already published (and each query's last run), so a re-run query publishes only new rows. */
    public static final TopicDefinition HUNTING_SEEN_ROWS = internal("defender.internal.hunting.seen-rows",
            Services.HUNTING_SCHEDULER, "row:<row key>, or run:<query id>", 1, true);
    /** One partition: whichever hunting scheduler instance is assigned it is the one that runs queries. */
    public static final TopicDefinition HUNTING_LEADERSHIP = internal("defender.internal.hunting.leadership",
            Services.HUNTING_SCHEDULER, "instance id", 1, false);

    private static final List<TopicDefinition> ALL = List.of(ALERTS_NEW, ALERTS_ENRICHED, DECISIONS,
            ACTIONS_REQUESTED, ACTIONS_RESULTS, RESPONSE_ACTIONS_REQUESTED, RESPONSE_ACTIONS_RESULTS, HUNTING_RESULTS,
            ALERT_POLLER_DLQ, POLLER_STATE, POLLER_LEADERSHIP, ENRICHMENT_DEFERRALS, DECISION_GUARDS, DECISION_APPROVALS, ISOLATION_BUDGET, RESPONSE_INTENTS,
            RESPONSE_REQUEST_ACTIONS, NOTIFIER_SENT_LOG, HUNTING_SEEN_ROWS, HUNTING_LEADERSHIP);

    /** Kafka's legal topic names: at most 249 characters of {@code [a-zA-Z0-9._-]}, and not "." or "..". */
    private static final Pattern LEGAL_NAME = Pattern.compile("[a-zA-Z0-9._-]{1,249}");

    private Topics() {
    }

    public static List<TopicDefinition> all() {
        return ALL;
    }

    /** The dead letter topic of {@code consumerGroup} for {@code topic}: {@code <topic>.<group>.dlq}. */
    public static String dlq(String topic, String consumerGroup) {
        return derived(topic, consumerGroup, "dlq");
    }

    /** The topic a redrive puts dead letters back on, read by {@code consumerGroup} only: {@code <topic>.<group>.retry}. */
    public static String retry(String topic, String consumerGroup) {
        return derived(topic, consumerGroup, "retry");
    }

    private static String derived(String topic, String consumerGroup, String suffix) {
        requirePart("topic", topic);
        requirePart("consumer group", consumerGroup);
        String name = topic + "." + consumerGroup + "." + suffix;
        if (name.length() > 249) {
            throw new IllegalArgumentException("Topic name would exceed Kafka's 249 characters: " + name.length());
        }
        return name;
    }

    private static void requirePart(String what, String value) {
        if (value == null || !LEGAL_NAME.matcher(value).matches() || value.equals(".") || value.equals("..")) {
            throw new IllegalArgumentException("Not a legal " + what + " for a topic name: "
                    + SafeText.preview(value));
        }
    }

    private static TopicDefinition pipeline(String configKey, String name, String owner, String key,
            EventType... events) {
        return new TopicDefinition(configKey, name, owner, key, PIPELINE_PARTITIONS, false, Visibility.PUBLIC,
                Set.of(events));
    }

    private static TopicDefinition internal(String name, String owner, String key, int partitions,
            boolean compacted) {
        return new TopicDefinition(null, name, owner, key, partitions, compacted, Visibility.INTERNAL, Set.of());
    }
}
