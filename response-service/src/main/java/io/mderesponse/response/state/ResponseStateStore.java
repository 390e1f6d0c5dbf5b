package io.mderesponse.response.state;

import io.mderesponse.service.state.StateTopic;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The response service's state on its two compacted topics ({@link StateTopic}), keyed by request id: intents
 * ({@code defender.internal.response.intents}) and request → machine action progress
 * ({@code defender.internal.response.request-actions}).
 *
 * <p>Every write waits for the broker's acknowledgement ({@code acks=all}) before it enters the table, so the
 * table never holds what Kafka might have lost. {@link #load()} reads both topics whole at start;
 * {@link #catchUp()} reads what others wrote since (another instance, after a rebalance) and is called before each
 * decision to call Defender. A completed request is kept for {@code response.completed-retention} after its result
 * was published, then removed; intents are removed by the service once settled.
 */
public final class ResponseStateStore implements StateWriter, AutoCloseable {

    private final ResponseState state = new ResponseState();
    private final StateTopic<RequestIntent> intents;
    private final StateTopic<RequestProgress> progress;

    public ResponseStateStore(Map<String, Object> kafkaConfig, String intentsTopic, String progressTopic,
            Duration writeTimeout, Duration completedRetention, Clock clock) {
        this.intents = StateTopic.builder(kafkaConfig, intentsTopic, RequestIntent.class)
                .clientId("response-service").writeTimeout(writeTimeout).clock(clock).open();
        this.progress = StateTopic.builder(kafkaConfig, progressTopic, RequestProgress.class)
                .clientId("response-service").writeTimeout(writeTimeout).clock(clock)
                .expiresAt(p -> p.isCompleted() ? Optional.of(p.completedAt().plus(completedRetention))
                        : Optional.empty())
                .open();
    }

    public ResponseState state() {
        return state;
    }

    /** Reads both topics from their beginning; fails loudly on a record it cannot read. */
    public void load() {
        catchUp();
    }

    /** Reads every record others wrote to the state topics since the last read, up to their current end. */
    public synchronized void catchUp() {
        intents.catchUp((key, intent, offset) -> state.applyIntent(UUID.fromString(key), intent, offset));
        progress.catchUp((key, value, offset) -> state.applyProgress(UUID.fromString(key), value, offset));
        state.forgetTombstonesBefore(intents.readPosition(), progress.readPosition());
    }

    /** Removes completed requests past their retention from the topic and the table; answers how many. */
    public synchronized int expireDue() {
        int removed = progress.expireDue((key, value, offset) -> state.applyProgress(UUID.fromString(key), value,
                offset));
        state.forgetTombstonesBefore(intents.readPosition(), progress.readPosition());
        return removed;
    }

    /** Runs {@link #expireDue} every {@code interval} until {@link #close}. */
    public void sweepEvery(Duration interval) {
        progress.sweepEvery(interval, this::expireDue);
    }

    @Override
    public void recordIntent(RequestIntent intent) {
        long offset = intents.write(intent.requestId().toString(), intent);
        state.applyIntent(intent.requestId(), intent, offset);
    }

    @Override
    public void forgetIntent(UUID requestId) {
        long offset = intents.write(requestId.toString(), null);
        state.applyIntent(requestId, null, offset);
    }

    @Override
    public void recordProgress(RequestProgress value) {
        long offset = progress.write(value.requestId().toString(), value);
        state.applyProgress(value.requestId(), value, offset);
    }

    @Override
    public void close() {
        intents.close();
        progress.close();
    }
}
