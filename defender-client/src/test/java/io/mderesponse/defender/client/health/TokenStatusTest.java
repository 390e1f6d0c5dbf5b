package io.mderesponse.defender.client.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.testsupport.time.ManualClock;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The token status answers at once, asks for tokens in the background, and spares the endpoint after a failure. */
class TokenStatusTest {

    private static final Duration SKEW = Duration.ofSeconds(60);
    private static final Duration RETRY = Duration.ofSeconds(30);

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-27T06:00:00Z"));
    /** One emitter per token request, completed by the test. */
    private final List<UniEmitter<? super TokenStatus.Token>> requests = new ArrayList<>();
    private final TokenStatus status = new TokenStatus(() -> Uni.createFrom().emitter(requests::add), clock, SKEW,
            RETRY);

    @Test
    void is_not_ready_before_the_first_token_and_ready_once_it_arrived() {
        assertThat(status.check().ready()).isFalse();
        assertThat(requests).as("the first check asks for a token").hasSize(1);
        assertThat(status.check().ready()).as("still waiting").isFalse();
        assertThat(requests).as("one request at a time").hasSize(1);

        requests.get(0).complete(new TokenStatus.Token(clock.instant().plus(Duration.ofHours(1))));

        TokenStatus.Snapshot snapshot = status.check();
        assertThat(snapshot.ready()).isTrue();
        assertThat(snapshot.expiresAt()).isEqualTo(Instant.parse("2026-11-27T07:00:00Z"));
        assertThat(requests).as("a valid token is not requested again").hasSize(1);
    }

    @Test
    void a_failed_request_is_reported_with_its_reason_and_retried_only_after_the_pause() {
        status.check();
        requests.get(0).fail(new IllegalStateException("invalid_client: AADSTS7000215 Invalid client secret"));

        TokenStatus.Snapshot snapshot = status.check();
        assertThat(snapshot.ready()).isFalse();
        assertThat(snapshot.reason()).contains("token request failed", "AADSTS7000215");
        clock.advance(RETRY.minusSeconds(1));
        status.check();
        assertThat(requests).as("no new request within the pause").hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        status.check();
        assertThat(requests).as("asked again after the pause").hasSize(2);
        requests.get(1).complete(new TokenStatus.Token(clock.instant().plus(Duration.ofHours(1))));
        assertThat(status.check().ready()).isTrue();
    }

    @Test
    void a_token_is_renewed_before_it_expires_and_an_expired_one_is_not_ready() {
        status.check();
        requests.get(0).complete(new TokenStatus.Token(clock.instant().plus(Duration.ofMinutes(5))));

        clock.advance(Duration.ofMinutes(5).minus(SKEW));
        assertThat(status.check().ready()).as("still valid while renewing").isTrue();
        assertThat(requests).as("renewal started within the skew").hasSize(2);

        clock.advance(SKEW);
        TokenStatus.Snapshot expired = status.check();
        assertThat(expired.ready()).isFalse();
        assertThat(expired.reason()).contains("expired");
        requests.get(1).complete(new TokenStatus.Token(clock.instant().plus(Duration.ofHours(1))));
        assertThat(status.check().ready()).isTrue();
    }
}
