package io.mderesponse.contracts.topic;

import java.util.List;

/**
 * Who consumes what: every consuming channel of every service, the "producer → consumers" column of the
 * architecture's topic table for the services of this repository ("downstream" consumers are not listed).
 *
 * <p>Each service's {@code application.properties} declares the same channels ({@code mp.messaging.incoming.*});
 * system-tests' {@code KafkaUsersManifestTest} fails when the two differ, and the Kafka ACLs
 * ({@code io.mderesponse.contracts.access.KafkaAccess}) are derived from this table.
 */
public final class Subscriptions {

    private static final List<Subscription> ALL = List.of(
            new Subscription(Services.ENRICHMENT, "alerts-new", Topics.ALERTS_NEW),
            new Subscription(Services.ENRICHMENT, "hunting-results", Topics.HUNTING_RESULTS),
            // Enrichment's own deferrals come back to it once the API budget allows.
            new Subscription(Services.ENRICHMENT, "deferred-alerts", Topics.ENRICHMENT_DEFERRALS),
            new Subscription(Services.DECISION, "alerts-enriched", Topics.ALERTS_ENRICHED),
            new Subscription(Services.DECISION, "actions-results", Topics.ACTIONS_RESULTS),
            new Subscription(Services.DECISION, "response-actions-results", Topics.RESPONSE_ACTIONS_RESULTS),
            new Subscription(Services.RESPONSE, "actions-requested", Topics.ACTIONS_REQUESTED),
            new Subscription(Services.RESPONSE, "response-actions-requested", Topics.RESPONSE_ACTIONS_REQUESTED),
            new Subscription(Services.NOTIFIER, "decisions", Topics.DECISIONS),
            new Subscription(Services.NOTIFIER, "actions-results", Topics.ACTIONS_RESULTS),
            new Subscription(Services.NOTIFIER, "response-actions-results", Topics.RESPONSE_ACTIONS_RESULTS));

    private Subscriptions() {
    }

    public static List<Subscription> all() {
        return ALL;
    }

    /** The consuming channels of one service (its consumer group). */
    public static List<Subscription> of(String service) {
        return ALL.stream().filter(subscription -> subscription.group().equals(service)).toList();
    }
}
