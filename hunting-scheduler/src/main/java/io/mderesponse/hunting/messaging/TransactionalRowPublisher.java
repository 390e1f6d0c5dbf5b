package io.mderesponse.hunting.messaging;

import io.mderesponse.contracts.event.HuntingRowFound;
import io.mderesponse.service.observability.RecordTracing;
import io.mderesponse.contracts.serde.JsonEventSerializer;
import io.mderesponse.contracts.topic.Services;
import io.mderesponse.hunting.service.RunResult;
import io.mderesponse.hunting.state.HuntingStateStore;
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

/**
 * Publishes a run's new rows and the state that marks them seen in ONE Kafka transaction
 * ({@code transactional.id=hunting-scheduler}): a crash before the commit publishes nothing and marks nothing, so
 * the next run finds the rows again; after it, both are there. A restarted or newly active scheduler fences the
 * former one's producer before it reads the state.
 */
public final class TransactionalRowPublisher implements AutoCloseable {

    /** Kept stable: a new id would let a zombie scheduler's open transaction survive a restart. */
    public static final String TRANSACTIONAL_ID = Services.HUNTING_SCHEDULER;

    private final KafkaProducer<String, byte[]> producer;
    private final JsonEventSerializer<HuntingRowFound> serializer =
            new JsonEventSerializer<>(Services.HUNTING_SCHEDULER);
    private final String resultsTopic;
    private final HuntingStateStore store;
    private final RecordTracing tracing;

    public TransactionalRowPublisher(Map<String, Object> kafkaConfig, String resultsTopic, HuntingStateStore store) {
        this(kafkaConfig, resultsTopic, store, RecordTracing.none());
    }

    /** {@code tracing} starts a trace per row (off by default), carried to enrichment in the record's headers. */
    public TransactionalRowPublisher(Map<String, Object> kafkaConfig, String resultsTopic, HuntingStateStore store,
            RecordTracing tracing) {
        Map<String, Object> config = new HashMap<>(kafkaConfig);
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, TRANSACTIONAL_ID);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        this.producer.initTransactions();
        this.resultsTopic = resultsTopic;
        this.store = store;
        this.tracing = tracing;
    }

    /** Returns once committed; throws (after aborting) when it could not be. */
    public void publish(RunResult result) {
        producer.beginTransaction();
        try {
            for (HuntingRowFound row : result.rows()) {
                RecordHeaders headers = new RecordHeaders();
                try (RecordTracing.Publishing publishing = tracing.publishing(resultsTopic, row, headers)) {
                    byte[] value = serializer.serialize(resultsTopic, headers, row);
                    producer.send(new ProducerRecord<>(resultsTopic, null, row.kafkaKey(), value, headers));
                }
            }
            for (ProducerRecord<String, String> state : store.records(result.update())) {
                producer.send(new ProducerRecord<>(state.topic(), state.key(),
                        state.value() == null ? null : state.value().getBytes(StandardCharsets.UTF_8)));
            }
            producer.commitTransaction();
        } catch (KafkaException e) {
            try {
                producer.abortTransaction();
            } catch (KafkaException abortFailure) {
                e.addSuppressed(abortFailure);
            }
            throw e;
        }
    }

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
