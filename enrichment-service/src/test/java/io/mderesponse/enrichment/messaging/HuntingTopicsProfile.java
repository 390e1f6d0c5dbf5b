package io.mderesponse.enrichment.messaging;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Topics of their own, so the hunting rows never reach the other tests' readers of enriched alerts. */
public class HuntingTopicsProfile implements QuarkusTestProfile {

    static final String HUNTING_RESULTS = "hunting-test.hunting.results";
    static final String ALERTS_ENRICHED = "hunting-test.alerts.enriched";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("topics.hunting-results", HUNTING_RESULTS, "topics.alerts-enriched", ALERTS_ENRICHED);
    }
}
