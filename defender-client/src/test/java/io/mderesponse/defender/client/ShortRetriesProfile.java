package io.mderesponse.defender.client;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Retries and timeouts short enough that tests can watch every attempt in the call log within a second or two. */
public class ShortRetriesProfile implements QuarkusTestProfile {

    static final int ATTEMPTS = 5;
    static final long INITIAL_MILLIS = 200;
    static final long MAX_MILLIS = 400;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "defender.retry.initial", INITIAL_MILLIS + "ms",
                "defender.retry.max", MAX_MILLIS + "ms",
                "defender.retry.attempts", Integer.toString(ATTEMPTS),
                "defender.retry.max-retry-after", "2s",
                "defender.api.read-timeout", "500ms");
    }
}
