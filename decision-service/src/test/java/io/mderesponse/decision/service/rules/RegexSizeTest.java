package io.mderesponse.decision.service.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bound of a regular expression's program grows with its repetitions, nested ones multiplied. */
class RegexSizeTest {

    @Test
    void plainPatternsAreAboutAsLargeAsTheyAreLong() {
        assertThat(RegexSize.of("^site-[a-z]+$")).isBetween(10.0, 20.0);
        assertThat(RegexSize.of("(?i)mimikatz|rubeus")).isBetween(15.0, 30.0);
    }

    @Test
    void countedRepetitionsMultiplyWhatTheyRepeat() {
        assertThat(RegexSize.of("[a-f0-9]{64}")).isBetween(64.0, 70.0);
        assertThat(RegexSize.of("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")).isBetween(15.0, 25.0);
    }

    @Test
    void nestedRepetitionsMultiplyEachOther() {
        assertThat(RegexSize.of("((a{100}){100}){100}")).isGreaterThanOrEqualTo(1_000_000.0);
        assertThat(RegexSize.of("(a{1000}){1000}")).isGreaterThanOrEqualTo(1_000_000.0);
    }
}
