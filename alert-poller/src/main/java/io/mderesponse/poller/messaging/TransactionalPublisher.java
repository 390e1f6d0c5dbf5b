package io.mderesponse.poller.messaging;

import io.mderesponse.contracts.event.AlertNewEvent;
import io.mderesponse.contracts.serde.JsonEventSerializer;
import io.mderesponse.contracts.topic.Services;
import io.mderesponse.poller.service.PollResult;
import io.mderesponse.poller.state.PollerState;
import io.mderesponse.poller.state.PollerStateStore;
import io.mderesponse.service.observability.RecordTracing;
import io.mderesponse.service.state.TransactionalWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

/**
 * Publishes a poll's events, its rejected alerts and its state update in ONE Kafka transaction: either all
 * become visible to {@code read_committed} readers, or none do and the state is not advanced.
 *
 * <p>The transactional id is stable for the poller role, so a restarted poller fences a killed one at once
 * (service-common's {@link TransactionalWriter}).
 */
public final class TransactionalPublisher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TransactionalPublisher.class);

    /** Kept stable: a new id would let a zombie poller's open transaction survive a restart. */
    public static final String TRANSACTIONAL_ID = Services.ALERT_POLLER;
    public static final String DEAD_LETTER_REASON = "dead-letter-reason";
    /** Below Kafka's default 1 MB record limit, with room for the headers. */
    static final int MAX_DEAD_LETTER_CHARS = 200_000;

    private final TransactionalWriter writer;
    private final JsonEventSerializer<AlertNewEvent> serializer = new JsonEventSerializer<>(Services.ALERT_POLLER);
    private final String alertsTopic;
    private final String deadLetterTopic;
    private final PollerStateStore store;
    private final RecordTracing tracing;

    public TransactionalPublisher(Map<String, Object> kafkaConfig, String alertsTopic, String deadLetterTopic,
            PollerStateStore store) {
        this(kafkaConfig, alertsTopic, deadLetterTopic, store, RecordTracing.none());
    }

    /** With a trace per published alert, its context in the record's headers for the consumers. */
    public TransactionalPublisher(Map<String, Object> kafkaConfig, String alertsTopic, String deadLetterTopic,
            PollerStateStore store, RecordTracing tracing) {
        this.writer = new TransactionalWriter(kafkaConfig, TRANSACTIONAL_ID);
        this.alertsTopic = alertsTopic;
        this.deadLetterTopic = deadLetterTopic;
        this.store = store;
        this.tracing = tracing;
    }

    /** Returns once the transaction is committed; throws (after aborting it) when it could not be. */
    public void publish(PollResult result) {
        writer.inTransaction(transaction -> {
            for (AlertNewEvent event : result.events()) {
                // Logged inside the record's span, so the line carries the alert's trace and ids.
                transaction.sendEvent(alertsTopic, event, serializer, tracing, () -> LOG.infof(
                        "Publishing %s alert=%s machine=%s severity=%s in the poll's transaction",
                        event.eventType(), event.alertId(), event.machineId(), event.severity()));
            }
            for (PollResult.RejectedAlert rejected : result.rejected()) {
                RecordHeaders headers = new RecordHeaders();
                headers.add(DEAD_LETTER_REASON, io.mderesponse.defender.client.error.ErrorDetails.clean(rejected.reason())
                        .getBytes(StandardCharsets.UTF_8));
                transaction.send(new ProducerRecord<String, byte[]>(deadLetterTopic, null, (String) null,
                        rejected.json().getBytes(StandardCharsets.UTF_8), headers));
            }
            store.records(result.update()).forEach(transaction::sendState);
        });
    }

    /**
     * Writes a whole answer the poller could not read to its dead letter topic, with the reason; an answer above
     * {@value #MAX_DEAD_LETTER_CHARS} characters is cut, and the reason says so.
     */
    public void deadLetter(String body, String reason) {
        String kept = body.length() > MAX_DEAD_LETTER_CHARS ? body.substring(0, MAX_DEAD_LETTER_CHARS) : body;
        String why = kept.length() < body.length() ? reason + " (answer cut to its first " + MAX_DEAD_LETTER_CHARS
                + " of " + body.length() + " characters)" : reason;
        publish(new PollResult(java.util.List.of(), java.util.List.of(new PollResult.RejectedAlert(kept, why)),
                PollerState.StateUpdate.empty(), 0, 0, 0));
    }

    /** Closes the producer; after a failure without waiting, since its transaction is void anyway. */
    public void close(boolean gracefully) {
        writer.close(gracefully);
    }

    @Override
    public void close() {
        close(true);
    }
}
