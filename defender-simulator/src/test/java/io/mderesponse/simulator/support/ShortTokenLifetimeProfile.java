package io.mderesponse.simulator.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Tokens that expire one second after they are issued. */
public class ShortTokenLifetimeProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("simulator.token-lifetime", "1s");
    }
}
