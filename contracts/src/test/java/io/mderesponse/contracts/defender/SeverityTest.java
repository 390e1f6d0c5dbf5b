package io.mderesponse.contracts.defender;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Severities order by rank. */
class SeverityTest {

    @Test
    void ranksGoFromUnSpecifiedToHigh() {
        assertThat(Severity.values()).extracting(Severity::rank).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void comparisonsFollowTheRank() {
        assertThat(Severity.High.isHigherThan(Severity.Medium)).isTrue();
        assertThat(Severity.Medium.isHigherThan(Severity.Medium)).isFalse();
        assertThat(Severity.Medium.isAtLeast(Severity.Medium)).isTrue();
        assertThat(Severity.Low.isAtLeast(Severity.Medium)).isFalse();
    }
}
