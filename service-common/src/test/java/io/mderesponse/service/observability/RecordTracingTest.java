package io.mderesponse.service.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

class RecordTracingTest {

    private static final String PRODUCER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String PRODUCER_SPAN = "00f067aa0ba902b7";
    private static final String CONSUMER_TRACE = "0af7651916cd43dd8448eb211c80319c";

    @Test
    void aRecordsHandlerContinuesTheConsumerSpanTheConnectorStarted() {
        Context consumer = Context.root().with(Span.wrap(SpanContext.create(CONSUMER_TRACE, "b7ad6b7169203331",
                TraceFlags.getSampled(), TraceState.getDefault())));
        Message<byte[]> message = record("00-" + PRODUCER_TRACE + "-" + PRODUCER_SPAN + "-01")
                .addMetadata(TracingMetadata.with(consumer, Context.root()));

        assertThat(RecordTracing.of(message)).map(RecordTracingTest::traceId).contains(CONSUMER_TRACE);
    }

    @Test
    void withoutAConsumerSpanItContinuesTheProducersTraceFromTheTraceparentHeader() {
        Message<byte[]> message = record("00-" + PRODUCER_TRACE + "-" + PRODUCER_SPAN + "-01");

        assertThat(RecordTracing.of(message)).map(RecordTracingTest::traceId).contains(PRODUCER_TRACE);
    }

    @Test
    void aRecordWithoutEitherHasNoTraceToContinue() {
        assertThat(RecordTracing.of(record(null))).isEmpty();
        assertThat(RecordTracing.of(record("not-a-traceparent"))).isEmpty();
        assertThat(RecordTracing.of(Message.of(new byte[0]))).isEmpty();
    }

    private static String traceId(Context context) {
        return Span.fromContext(context).getSpanContext().getTraceId();
    }

    private static Message<byte[]> record(String traceparent) {
        RecordHeaders headers = new RecordHeaders();
        if (traceparent != null) {
            headers.add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        }
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("defender.alerts.new", 0, 42L, 0L,
                TimestampType.CREATE_TIME, 0, 0, "key", new byte[0], headers, java.util.Optional.empty());
        return Message.of(new byte[0]).addMetadata(new IncomingKafkaRecordMetadata<>(record, "alerts-new"));
    }
}
