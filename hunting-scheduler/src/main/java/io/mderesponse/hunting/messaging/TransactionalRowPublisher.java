package io.mderesponse.hunting.messaging;

import io.mderesponse.contracts.event.HuntingRowFound;
import io.mderesponse.contracts.serde.JsonEventSerializer;
import io.mderesponse.contracts.topic.Services;
import io.mderesponse.hunting.service.RunResult;
import io.mderesponse.hunting.state.HuntingStateStore;
import io.mderesponse.service.observability.RecordTracing;
import io.mderesponse.service.state.TransactionalWriter;
import java.util.Map;

/**
 * Publishes a run's new rows and the state that marks them seen in ONE Kafka transaction
 * ({@code transactional.id=hunting-scheduler}): a crash before the commit publishes nothing and marks nothing, so
 * the next run finds the rows again; after it, both are there. A restarted or newly active scheduler fences the
 * former one's producer before it reads the state.
 */
public final class TransactionalRowPublisher implements AutoCloseable {

    /** Kept stable: a new id would let a zombie scheduler's open transaction survive a restart. */
    public static final String TRANSACTIONAL_ID = Services.HUNTING_SCHEDULER;

    private final TransactionalWriter writer;
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
        this.writer = new TransactionalWriter(kafkaConfig, TRANSACTIONAL_ID);
        this.resultsTopic = resultsTopic;
        this.store = store;
        this.tracing = tracing;
    }

    /** Returns once committed; throws (after aborting) when it could not be. */
    public void publish(RunResult result) {
        writer.inTransaction(transaction -> {
            for (HuntingRowFound row : result.rows()) {
                transaction.sendEvent(resultsTopic, row, serializer, tracing);
            }
            store.records(result.update()).forEach(transaction::sendState);
        });
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
