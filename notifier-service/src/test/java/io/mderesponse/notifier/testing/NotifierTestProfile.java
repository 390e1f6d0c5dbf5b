package io.mderesponse.notifier.testing;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** Configured recipients and a portal address the tests can recognise. */
public class NotifierTestProfile implements QuarkusTestProfile {

    public static final String ONCALL = "oncall@example.test";
    public static final String SOC = "soc@example.test";
    public static final String PORTAL = "https://portal.example.test";
    /** A sent-log of this run's own, so no other test application's sends count or de-duplicate here. */
    public static final String SENT_LOG = "notifier-test.sent-log." + java.util.UUID.randomUUID();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "notifier.recipients", ONCALL + ", " + SOC,
                "notifier.from", "mde-response@example.test",
                "notifier.portal-base-url", PORTAL + "/",
                "notifier.sent-log-topic", SENT_LOG);
    }
}
