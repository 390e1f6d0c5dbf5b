package io.mderesponse.poller.messaging;

import io.mderesponse.contracts.event.AlertNewEvent;
import io.mderesponse.contracts.serde.JsonEventSerializer;
import io.mderesponse.contracts.topic.Services;
import io.mderesponse.poller.service.PollResult;
import io.mderesponse.poller.state.PollerState;
import io.mderesponse.poller.state.PollerStateStore;
import io.mderesponse.service.observability.RecordTracing;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Publishes a poll's events, its rejected alerts and its state update in ONE Kafka transaction: either all
 * become visible to {@code read_committed} readers, or none do and the state is not advanced.
 *
 * <p>The transactional id is stable for the poller role, so a restarted poller fences a killed one at once.
 * This uses kafka-clients directly because a SmallRye channel cannot write two topics in one transaction.
 */
public final class TransactionalPublisher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TransactionalPublisher.class);

    /** Kept stable: a new id would let a zombie poller's open transaction survive a restart. */
    public static final String TRANSACTIONAL_ID = Services.ALERT_POLLER;
    public static final String DEAD_LETTER_REASON = "dead-letter-reason";
    /** Below Kafka's default 1 MB record limit, with room for the headers. */
    static final int MAX_DEAD_LETTER_CHARS = 200_000;

    private final KafkaProducer<String, byte[]> producer;
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
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, TRANSACTIONAL_ID);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        this.producer.initTransactions();
        this.alertsTopic = alertsTopic;
        this.deadLetterTopic = deadLetterTopic;
        this.store = store;
        this.tracing = tracing;
    }

    /** Returns once the transaction is committed; throws (after aborting it) when it could not be. */
    public void publish(PollResult result) {
        producer.beginTransaction();
        try {
            for (AlertNewEvent event : result.events()) {
                RecordHeaders headers = new RecordHeaders();
                try (RecordTracing.Publishing publishing = tracing.publishing(alertsTopic, event, headers)) {
                    byte[] value = serializer.serialize(alertsTopic, headers, event);
                    producer.send(new ProducerRecord<>(alertsTopic, null, event.kafkaKey(), value, headers));
                    LOG.infof("Publishing %s alert=%s machine=%s severity=%s in the poll's transaction",
                            event.eventType(), event.alertId(), event.machineId(), event.severity());
                }
            }
            for (PollResult.RejectedAlert rejected : result.rejected()) {
                RecordHeaders headers = new RecordHeaders();
                headers.add(DEAD_LETTER_REASON, io.mderesponse.defender.client.error.ErrorDetails.clean(rejected.reason())
                        .getBytes(StandardCharsets.UTF_8));
                producer.send(new ProducerRecord<String, byte[]>(deadLetterTopic, null, (String) null,
                        rejected.json().getBytes(StandardCharsets.UTF_8), headers));
            }
            for (ProducerRecord<String, String> state : store.records(result.update())) {
                producer.send(new ProducerRecord<>(state.topic(), state.key(),
                        state.value() == null ? null : state.value().getBytes(StandardCharsets.UTF_8)));
            }
            producer.commitTransaction();
        } catch (KafkaException e) {
            abortQuietly(e);
            throw e;
        }
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

    private void abortQuietly(KafkaException cause) {
        try {
            producer.abortTransaction();
        } catch (KafkaException abortFailure) {
            cause.addSuppressed(abortFailure);
        }
    }

    /** Closes the producer; after a failure without waiting, since its transaction is void anyway. */
    public void close(boolean gracefully) {
        try {
            producer.close(gracefully ? Duration.ofSeconds(30) : Duration.ZERO);
        } catch (KafkaException e) {
            // A producer that already failed may fail to close; it holds nothing we need.
        }
    }

    @Override
    public void close() {
        close(true);
    }
}
