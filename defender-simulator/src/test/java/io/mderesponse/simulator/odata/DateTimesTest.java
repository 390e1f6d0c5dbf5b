package io.mderesponse.simulator.odata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Date-times written as the real API writes them. */
class DateTimesTest {

    @Test
    void writesUpToSevenFractionalDigitsWithoutTrailingZeros() {
        assertThat(DateTimes.format(Instant.parse("2021-01-26T20:33:57.722023900Z"))).isEqualTo(
                "2021-01-26T20:33:57.7220239Z");
        assertThat(DateTimes.format(Instant.parse("2021-01-26T20:33:59.200Z"))).isEqualTo("2021-01-26T20:33:59.2Z");
        assertThat(DateTimes.format(Instant.parse("2021-01-26T20:34:00Z"))).isEqualTo("2021-01-26T20:34:00Z");
    }

    @Test
    void readsOffsetsAndCutsToTicks() {
        assertThat(DateTimes.parse("2021-01-26T22:33:57.722023999+02:00"))
                .contains(Instant.parse("2021-01-26T20:33:57.7220239Z"));
        assertThat(DateTimes.parse("yesterday")).isEmpty();
    }
}
