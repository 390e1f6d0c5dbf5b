package io.mderesponse.defender.client.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Backoff waits: jittered, doubling, never above the maximum. */
class RetryPolicyTest {

    private static final Duration INITIAL = Duration.ofMillis(500);
    private static final Duration MAX = Duration.ofSeconds(5);

    private static RetryPolicy withRandom(double random) {
        return new RetryPolicy(INITIAL, MAX, 5, Duration.ofSeconds(60), () -> random);
    }

    @Test
    void theFirstWaitLiesBetweenHalfTheInitialWaitAndTheInitialWait() {
        assertThat(withRandom(0.0).backoff(1)).isEqualTo(Duration.ofMillis(250));
        assertThat(withRandom(0.999_999).backoff(1)).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void eachFurtherWaitDoublesTheCeiling() {
        RetryPolicy policy = withRandom(0.999_999);

        assertThat(policy.backoff(2)).isEqualTo(Duration.ofMillis(1000));
        assertThat(policy.backoff(3)).isEqualTo(Duration.ofMillis(2000));
        assertThat(policy.backoff(4)).isEqualTo(Duration.ofMillis(4000));
    }

    @Test
    void noWaitIsLongerThanTheMaximumHoweverManyFailuresCameBefore() {
        RetryPolicy policy = withRandom(0.999_999);

        assertThat(policy.backoff(5)).isEqualTo(MAX);
        assertThat(policy.backoff(40)).isEqualTo(MAX);
        assertThat(policy.backoff(Integer.MAX_VALUE)).isEqualTo(MAX);
    }

    @Test
    void realJitterStaysWithinTheBoundsOfEachStep() {
        RetryPolicy policy = new RetryPolicy(INITIAL, MAX, 5, Duration.ofSeconds(60));

        for (int i = 0; i < 1_000; i++) {
            assertThat(policy.backoff(1)).isBetween(Duration.ofMillis(250), INITIAL);
            assertThat(policy.backoff(3)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
            assertThat(policy.backoff(9)).isBetween(Duration.ofMillis(2500), MAX);
        }
    }

    @Test
    void settingsThatCannotWorkAreRefusedNamingTheProperty() {
        assertThatThrownBy(() -> new RetryPolicy(INITIAL, MAX, 0, Duration.ZERO))
                .hasMessageContaining("defender.retry.attempts");
        assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, MAX, 3, Duration.ZERO))
                .hasMessageContaining("defender.retry.initial");
        assertThatThrownBy(() -> new RetryPolicy(MAX, INITIAL, 3, Duration.ZERO))
                .hasMessageContaining("defender.retry.max");
    }
}
