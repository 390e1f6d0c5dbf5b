package io.mderesponse.enrichment.messaging;

import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Puts an alert aside until the budget has room: the record goes, byte for byte with its headers, to
 * {@code defender.internal.enrichment.deferrals} (keyed by alert id), which {@link DeferredAlertsConsumer} reads.
 * Kafka keeps it there, so a deferral survives a restart; the original is acknowledged only once the broker has
 * the deferral.
 */
@ApplicationScoped
public class Deferrals {

    public static final String OUTGOING = "enrichment-deferrals";
    public static final String REASON_HEADER = "deferred-reason";
    public static final String TIME_HEADER = "deferred-at";

    private final MutinyEmitter<byte[]> deferrals;

    public Deferrals(@Channel(OUTGOING) MutinyEmitter<byte[]> deferrals) {
        this.deferrals = deferrals;
    }

    /** Writes the record to the deferrals topic and waits for the broker's acknowledgement. */
    public void defer(Message<byte[]> message, String alertId, String reason) {
        RecordHeaders headers = new RecordHeaders();
        message.getMetadata(IncomingKafkaRecordMetadata.class).ifPresent(metadata -> {
            for (Header header : metadata.getHeaders()) {
                if (!header.key().equals(REASON_HEADER) && !header.key().equals(TIME_HEADER)) {
                    headers.add(header);
                }
            }
        });
        headers.add(REASON_HEADER, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(TIME_HEADER, Instant.now().toString().getBytes(StandardCharsets.UTF_8));
        deferrals.sendMessageAndAwait(Message.of(message.getPayload()).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(alertId).withHeaders(headers).build())
                .addMetadata(TracingMetadata.withCurrent(Context.current())));
    }
}
