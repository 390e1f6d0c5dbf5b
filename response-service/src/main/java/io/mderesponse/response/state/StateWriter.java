package io.mderesponse.response.state;

import java.util.UUID;

/**
 * Durable writes of the response state. Each returns once Kafka acknowledged the record and the table holds it;
 * each throws {@link org.apache.kafka.common.KafkaException} when it could not be written.
 */
public interface StateWriter {

    /** Records the intent of a call, before the call. */
    void recordIntent(RequestIntent intent);

    /** Removes a settled request's intent (a tombstone); its progress record remains. */
    void forgetIntent(UUID requestId);

    void recordProgress(RequestProgress progress);
}
