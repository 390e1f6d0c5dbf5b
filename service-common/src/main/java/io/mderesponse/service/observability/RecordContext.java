package io.mderesponse.service.observability;

import io.mderesponse.contracts.event.Event;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.MDC;

/**
 * Carries the context of the record being handled (its log context and its trace) to work that runs later on
 * another thread, such as an executor's task that follows a machine action, so that what that work logs and
 * publishes stays with the record: the same MDC ids, the same trace.
 */
public final class RecordContext {

    /** The MDC keys that belong to a record: its ids, and the trace keys Quarkus sets. */
    static final List<String> KEYS = List.of(RecordLogContext.CORRELATION_ID, RecordLogContext.ALERT_ID,
            RecordLogContext.MACHINE_ID, RecordTracing.TRACE_ID, RecordTracing.SPAN_ID, "parentId", "sampled");

    private RecordContext() {
    }

    /** {@code task}, run in the record context current now; the running thread's own context is restored after. */
    public static Runnable carry(Runnable task) {
        return carry(null, task);
    }

    /**
     * {@code task}, run in the record context current now, with the ids of {@code event} set over it (for work
     * started with no record at hand, e.g. resumed after a restart); the thread's own context is restored after.
     */
    public static Runnable carry(Event event, Runnable task) {
        Map<String, Object> log = snapshot();
        Context trace = Context.current();
        return () -> {
            Map<String, Object> previous = snapshot();
            apply(log);
            if (event != null) {
                RecordLogContext.enter(event);
            }
            try (Scope ignored = trace.makeCurrent()) {
                task.run();
            } finally {
                apply(previous);
            }
        };
    }

    private static Map<String, Object> snapshot() {
        Map<String, Object> values = new HashMap<>();
        for (String key : KEYS) {
            Object value = MDC.get(key);
            if (value != null) {
                values.put(key, value);
            }
        }
        return values;
    }

    private static void apply(Map<String, Object> values) {
        for (String key : KEYS) {
            Object value = values.get(key);
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        }
    }
}
