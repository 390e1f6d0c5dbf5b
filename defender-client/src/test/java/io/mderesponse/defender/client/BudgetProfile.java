package io.mderesponse.defender.client;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** A compressed rate-limit window: 6 alert calls per second, for this process as for its simulator. */
public class BudgetProfile implements QuarkusTestProfile {

    static final int PER_WINDOW = 6;
    static final String WINDOW = "1s";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "defender.budget.window", WINDOW,
                "defender.budget.alerts.per-minute", Integer.toString(PER_WINDOW),
                "defender.budget.alerts.per-hour", "1000",
                "defender.budget.max-wait", "20s");
    }
}
