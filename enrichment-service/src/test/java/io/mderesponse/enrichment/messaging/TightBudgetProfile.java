package io.mderesponse.enrichment.messaging;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** A budget of 5 alert calls per 2-second window, so a handful of alerts makes it short. */
public class TightBudgetProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "defender.budget.window", "2s",
                "defender.budget.alerts.per-minute", "5",
                "defender.budget.alerts.per-hour", "1000");
    }
}
