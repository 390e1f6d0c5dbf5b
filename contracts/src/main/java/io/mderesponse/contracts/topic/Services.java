package io.mderesponse.contracts.topic;

import java.util.List;

/** Service names; each is also the service's Kafka consumer group id and its default CloudEvents source. */
public final class Services {

    public static final String ALERT_POLLER = "alert-poller";
    public static final String ENRICHMENT = "enrichment-service";
    public static final String DECISION = "decision-service";
    public static final String RESPONSE = "response-service";
    public static final String NOTIFIER = "notifier-service";
    public static final String HUNTING_SCHEDULER = "hunting-scheduler";

    private Services() {
    }

    public static List<String> all() {
        return List.of(ALERT_POLLER, ENRICHMENT, DECISION, RESPONSE, NOTIFIER, HUNTING_SCHEDULER);
    }
}
