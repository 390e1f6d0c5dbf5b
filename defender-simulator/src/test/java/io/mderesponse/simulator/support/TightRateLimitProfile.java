package io.mderesponse.simulator.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** A "minute" of three seconds (short, yet long enough for a few calls on a loaded machine) and small limits, so rate limiting is tested without waiting real minutes. */
public class TightRateLimitProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "simulator.rate-limit.window", "3s",
                "simulator.rate-limit.alerts.per-window", "3",
                "simulator.rate-limit.machineactions.per-hour", "4",
                "simulator.rate-limit.advancedqueries.per-window", "2");
    }
}
