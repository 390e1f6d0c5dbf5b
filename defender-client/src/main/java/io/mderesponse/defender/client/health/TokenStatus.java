package io.mderesponse.defender.client.health;

import io.mderesponse.contracts.id.SafeText;
import io.smallrye.mutiny.Uni;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Whether the service holds a Defender access token, kept up to date without ever blocking the caller: asking
 * for the status starts a token request in the background when none is held (or the held one is about to
 * expire), and answers at once with what is known. After a failure the endpoint is asked again only after
 * {@code retryAfterFailure}, so a probe every few seconds does not hammer the identity provider.
 */
public final class TokenStatus {

    /**
     * What is known now: a token valid until {@code expiresAt} (null: not said), or none with the reason.
     *
     * @param failed whether the last token request failed (then the next one waits for the retry pause)
     */
    public record Snapshot(boolean ready, Instant expiresAt, String reason, Instant since, boolean failed) {
    }

    /** A token and when it expires (null when the endpoint did not say). */
    public record Token(Instant expiresAt) {
    }

    private static final int REASON_LENGTH = 300;

    private final Supplier<Uni<Token>> source;
    private final Clock clock;
    private final Duration refreshSkew;
    private final Duration retryAfterFailure;
    private final AtomicReference<Snapshot> current;
    private final AtomicBoolean requesting = new AtomicBoolean();

    public TokenStatus(Supplier<Uni<Token>> source, Clock clock, Duration refreshSkew, Duration retryAfterFailure) {
        this.source = source;
        this.clock = clock;
        this.refreshSkew = refreshSkew;
        this.retryAfterFailure = retryAfterFailure;
        this.current = new AtomicReference<>(new Snapshot(false, null, "no token requested yet", clock.instant(), false));
    }

    /** The status now; starts a token request in the background if one is due. */
    public Snapshot check() {
        Snapshot snapshot = current.get();
        Instant now = clock.instant();
        if (snapshot.ready() && snapshot.expiresAt() != null && !now.isBefore(snapshot.expiresAt())) {
            snapshot = new Snapshot(false, null, "the token expired at " + snapshot.expiresAt(), now, false);
            current.set(snapshot);
        }
        if (due(snapshot, now)) {
            request();
        }
        return snapshot;
    }

    private boolean due(Snapshot snapshot, Instant now) {
        if (snapshot.ready()) {
            return snapshot.expiresAt() != null && !now.isBefore(snapshot.expiresAt().minus(refreshSkew));
        }
        return !snapshot.failed() || !now.isBefore(snapshot.since().plus(retryAfterFailure));
    }

    private void request() {
        if (!requesting.compareAndSet(false, true)) {
            return;
        }
        Uni<Token> token;
        try {
            token = source.get();
        } catch (RuntimeException e) {
            failed(e);
            return;
        }
        token.subscribe().with(this::received, this::failed);
    }

    private void received(Token token) {
        current.set(new Snapshot(true, token.expiresAt(), null, clock.instant(), false));
        requesting.set(false);
    }

    private void failed(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        current.set(new Snapshot(false, null, "token request failed: " + SafeText.singleLine(message, REASON_LENGTH),
                clock.instant(), true));
        requesting.set(false);
    }
}
