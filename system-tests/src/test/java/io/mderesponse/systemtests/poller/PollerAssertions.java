package io.mderesponse.systemtests.poller;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Collectors;

/** The guarantee: each alert id's {@code AlertDetected} exactly once in the whole topic. */
final class PollerAssertions {

    private PollerAssertions() {
    }

    static void assertExactlyOnce(PollerCrashScenario.Result result, int alerts, int kills) {
        System.out.printf("Poller crash scenario: %d alerts, %d kills, longest takeover %d ms, %d s%n", alerts,
                result.kills(), result.longestTakeover().toMillis(), result.duration().toSeconds());
        assertThat(result.kills()).isEqualTo(kills);
        assertThat(result.alertIds()).hasSize(alerts).doesNotHaveDuplicates();
        Map<String, Long> twice = result.detectedPerAlert().entrySet().stream().filter(e -> e.getValue() != 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(twice).as("alerts not published exactly once").isEmpty();
        assertThat(result.detectedPerAlert().keySet()).containsExactlyInAnyOrderElementsOf(result.alertIds());
    }
}
