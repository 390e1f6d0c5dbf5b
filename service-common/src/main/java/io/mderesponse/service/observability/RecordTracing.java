package io.mderesponse.service.observability;

import io.mderesponse.contracts.event.Event;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.MDC;

/**
 * Tracing of records written with a plain {@code KafkaProducer} (the poller's transactional producer), which the
 * SmallRye connector does not see: a producer span per record, its context in the record's headers
 * ({@code traceparent}, W3C), so the consumers' spans join the same trace.
 *
 * <p>Channels of the SmallRye Kafka connector need none of this: the connector reads and writes the headers itself;
 * {@link #of(Message)} says which trace the handler of an incoming record continues.
 * With tracing off ({@code quarkus.otel.sdk.disabled=true}, the default) the spans are no-ops and no header is
 * written.
 */
@ApplicationScoped
public class RecordTracing {

    /** MDC keys Quarkus uses for the current span; set here too for threads outside Vert.x. */
    static final String TRACE_ID = "traceId";
    static final String SPAN_ID = "spanId";

    private static final TextMapGetter<Headers> HEADER_VALUES = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers headers) {
            List<String> keys = new ArrayList<>();
            headers.forEach(header -> keys.add(header.key()));
            return keys;
        }

        @Override
        public String get(Headers headers, String key) {
            Header header = headers == null ? null : headers.lastHeader(key);
            return header == null || header.value() == null ? null
                    : new String(header.value(), StandardCharsets.UTF_8);
        }
    };
    private static final TextMapSetter<Headers> HEADERS = (headers, key, value) -> {
        headers.remove(key);
        headers.add(key, value.getBytes(StandardCharsets.UTF_8));
    };

    private final OpenTelemetry openTelemetry;
    private final Tracer tracer;

    public RecordTracing(OpenTelemetry openTelemetry) {
        this.openTelemetry = openTelemetry;
        this.tracer = openTelemetry.getTracer("io.mderesponse.service");
    }

    /**
     * The trace a handler of {@code message} continues: the consumer span the Kafka connector started for the
     * record, else (the connector started none for it) the producer's span named by the record's
     * {@code traceparent} header, so the record's work never starts a trace of its own; empty without either.
     */
    public static Optional<Context> of(Message<?> message) {
        Optional<Context> consumed = TracingMetadata.fromMessage(message).map(TracingMetadata::getCurrentContext);
        if (consumed.isPresent()) {
            return consumed;
        }
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(metadata -> W3CTraceContextPropagator.getInstance().extract(Context.root(),
                        metadata.getHeaders(), HEADER_VALUES))
                .filter(context -> Span.fromContext(context).getSpanContext().isValid());
    }

    /** Tracing that does nothing: for code built outside CDI, e.g. in tests. */
    public static RecordTracing none() {
        return new RecordTracing(OpenTelemetry.noop());
    }

    /**
     * Starts the span of publishing {@code event} to {@code topic}, writes its context into {@code headers} and
     * opens the event's log context (ids and trace id in the MDC); close the scope once the record is sent.
     */
    public Publishing publishing(String topic, Event event, Headers headers) {
        Span span = tracer.spanBuilder(topic + " publish").setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.kafka.message.key", event.kafkaKey())
                .setAttribute("mderesponse.correlation_id", event.correlationId())
                .startSpan();
        Context context = Context.current().with(span);
        openTelemetry.getPropagators().getTextMapPropagator().inject(context, headers, HEADERS);
        Scope scope = context.makeCurrent();
        RecordLogContext.enter(event);
        SpanContext spanContext = span.getSpanContext();
        if (spanContext.isValid()) {
            MDC.put(TRACE_ID, spanContext.getTraceId());
            MDC.put(SPAN_ID, spanContext.getSpanId());
        }
        return new Publishing(span, scope);
    }

    /** The span of one record being published; closing it ends the span and clears the log context. */
    public static final class Publishing implements AutoCloseable {

        private final Span span;
        private final Scope scope;

        Publishing(Span span, Scope scope) {
            this.span = span;
            this.scope = scope;
        }

        /** The trace id, or all zeros when tracing is off. */
        public String traceId() {
            return span.getSpanContext().getTraceId();
        }

        @Override
        public void close() {
            scope.close();
            span.end();
            RecordLogContext.clear();
            MDC.remove(TRACE_ID);
            MDC.remove(SPAN_ID);
        }
    }
}
