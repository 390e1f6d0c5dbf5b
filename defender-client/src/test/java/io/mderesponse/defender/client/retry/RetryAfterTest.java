package io.mderesponse.defender.client.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Retry-After in seconds and as an HTTP date. */
class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

    @Test
    void secondsAreReadAsADuration() {
        assertThat(RetryAfter.parse("1", NOW)).contains(Duration.ofSeconds(1));
        assertThat(RetryAfter.parse(" 30 ", NOW)).contains(Duration.ofSeconds(30));
    }

    @Test
    void anHttpDateIsReadAsTheTimeLeftUntilIt() {
        assertThat(RetryAfter.parse("Fri, 02 Jan 2026 03:04:15 GMT", NOW)).contains(Duration.ofSeconds(10));
        assertThat(RetryAfter.parse("Fri, 02 Jan 2026 03:00:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void anAbsentOrUnreadableHeaderGivesNoWait() {
        assertThat(RetryAfter.parse(null, NOW)).isEmpty();
        assertThat(RetryAfter.parse("", NOW)).isEmpty();
        assertThat(RetryAfter.parse("-1", NOW)).isEmpty();
        assertThat(RetryAfter.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfter.parse("99999999999999999999999", NOW)).isEmpty();
    }
}
