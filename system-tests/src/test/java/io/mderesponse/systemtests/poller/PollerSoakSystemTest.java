package io.mderesponse.systemtests.poller;

import io.mderesponse.testsupport.kafka.SharedKafkaBroker;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The crash scenario at soak size: 10,000 alerts and 20 SIGKILLs. Not run by default or in CI (tag
 * {@code soak}); run it with {@code mvn -Psoak -pl system-tests verify}, and record the result in
 * {@code docs/reliability.md}.
 */
@Tag("soak")
class PollerSoakSystemTest {

    static final int ALERTS = 10_000;
    static final int KILLS = 20;

    @Test
    void tenThousandAlertsAreEachPublishedOnceAcrossTwentyKills() {
        long seed = System.nanoTime();
        System.out.println("Poller soak seed " + seed);
        try (PollerCrashScenario scenario = new PollerCrashScenario(SharedKafkaBroker.bootstrapServers(), seed)) {
            PollerCrashScenario.Result result = scenario.run(ALERTS, KILLS, 1, null);

            PollerAssertions.assertExactlyOnce(result, ALERTS, KILLS);
        }
    }
}
