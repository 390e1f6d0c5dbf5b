package io.mderesponse.response.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Every window of the service shortened, so tests wait seconds instead of minutes. */
public class ShortWindowsProfile implements QuarkusTestProfile {

    /** {@code response.action-timeout} of these tests. */
    public static final String ACTION_TIMEOUT = "8s";
    /** {@code response.in-flight-grace} of these tests. */
    public static final String IN_FLIGHT_GRACE = "3s";
    /** {@code response.order-wait} of these tests. */
    public static final String ORDER_WAIT = "4s";
    /** {@code defender.api.read-timeout} of these tests. */
    public static final String READ_TIMEOUT = "1s";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("response.poll-initial", "200ms"),
                Map.entry("response.poll-max", "500ms"),
                Map.entry("response.action-timeout", ACTION_TIMEOUT),
                Map.entry("response.retry-initial", "300ms"),
                Map.entry("response.retry-max", "1s"),
                Map.entry("response.in-flight-grace", IN_FLIGHT_GRACE),
                Map.entry("response.order-wait", ORDER_WAIT),
                Map.entry("defender.retry.initial", "50ms"),
                Map.entry("defender.retry.max", "200ms"),
                Map.entry("defender.retry.attempts", "2"),
                Map.entry("defender.api.read-timeout", READ_TIMEOUT));
    }
}
