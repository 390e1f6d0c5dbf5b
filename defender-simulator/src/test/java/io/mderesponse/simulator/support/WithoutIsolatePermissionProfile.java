package io.mderesponse.simulator.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Tokens that can read alerts and machines but lack {@code Machine.Isolate}. */
public class WithoutIsolatePermissionProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("simulator.roles", "Alert.Read.All,Machine.Read.All");
    }
}
