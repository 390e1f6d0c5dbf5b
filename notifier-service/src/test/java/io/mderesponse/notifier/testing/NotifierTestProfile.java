package io.mderesponse.notifier.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Configured recipients and a portal address the tests can recognise. */
public class NotifierTestProfile implements QuarkusTestProfile {

    public static final String ONCALL = "oncall@example.test";
    public static final String SOC = "soc@example.test";
    public static final String PORTAL = "https://portal.example.test";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "notifier.recipients", ONCALL + ", " + SOC,
                "notifier.from", "mde-response@example.test",
                "notifier.portal-base-url", PORTAL + "/");
    }
}
