package io.mderesponse.response.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Every window of the service shortened, so tests wait seconds instead of minutes. */
public class ShortWindowsProfile implements QuarkusTestProfile {

    /** {@code response.action-timeout} of these tests. */
    public static final String ACTION_TIMEOUT = "8s";
    /** {@code response.in-flight-grace} of these tests. */
    public static final String IN_FLIGHT_GRACE = "3s";
    /** {@code defender.api.read-timeout} of these tests. */
    public static final String READ_TIMEOUT = "1s";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "response.poll-initial", "200ms",
                "response.poll-max", "500ms",
                "response.action-timeout", ACTION_TIMEOUT,
                "response.retry-initial", "300ms",
                "response.retry-max", "1s",
                "response.in-flight-grace", IN_FLIGHT_GRACE,
                "defender.retry.initial", "50ms",
                "defender.retry.max", "200ms",
                "defender.retry.attempts", "2",
                "defender.api.read-timeout", READ_TIMEOUT);
    }
}
