package io.mderesponse.service.observability;

import io.mderesponse.contracts.event.AlertEnriched;
import io.mderesponse.contracts.event.AlertNewEvent;
import io.mderesponse.contracts.event.AlertSummary;
import io.mderesponse.contracts.event.DecisionMade;
import io.mderesponse.contracts.event.EnrichedEvent;
import io.mderesponse.contracts.event.Event;
import io.mderesponse.contracts.event.HuntingRowFound;
import io.mderesponse.contracts.event.MachineActionCompleted;
import io.mderesponse.contracts.event.MachineActionRequested;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.MDC;

/**
 * The log context of the record being handled: {@code correlationId}, {@code alertId} and {@code machineId} in
 * the MDC, so that every line logged while handling it carries them (as fields of the JSON log in production).
 *
 * <p>Opened for every incoming record by {@link IncomingRecordObserver} (the correlation id from the
 * {@code ce_correlationid} header) and completed by {@code EventRecords.read} once the event is parsed. Quarkus
 * keeps the MDC in the record's own Vert.x duplicated context, which follows it to the worker thread of a
 * {@code @Blocking} consumer, so one record's values do not leak into another's lines; every key is set or removed
 * on entry all the same, for code that runs on a plain thread.
 */
public final class RecordLogContext {

    public static final String CORRELATION_ID = "correlationId";
    public static final String ALERT_ID = "alertId";
    public static final String MACHINE_ID = "machineId";

    static final String CORRELATION_HEADER = "ce_correlationid";

    private RecordLogContext() {
    }

    /** Starts the context of an incoming record: its correlation id header, if any; nothing else yet. */
    public static void enter(Message<?> message) {
        clear();
        message.getMetadata(IncomingKafkaRecordMetadata.class).ifPresent(metadata -> {
            Header header = metadata.getHeaders().lastHeader(CORRELATION_HEADER);
            if (header != null && header.value() != null) {
                put(CORRELATION_ID, new String(header.value(), StandardCharsets.UTF_8));
            }
        });
    }

    /** Sets the context from the event being handled: its correlation id, alert id and machine id. */
    public static void enter(Event event) {
        put(CORRELATION_ID, event.correlationId());
        put(ALERT_ID, alertId(event));
        put(MACHINE_ID, machineId(event));
    }

    /** Removes the record's values, e.g. when a thread goes back to work that is about no record. */
    public static void clear() {
        MDC.remove(CORRELATION_ID);
        MDC.remove(ALERT_ID);
        MDC.remove(MACHINE_ID);
    }

    static String alertId(Event event) {
        if (event instanceof AlertNewEvent alert) {
            return alert.alertId();
        }
        if (event instanceof AlertEnriched enriched) {
            return enriched.alert() == null ? null : enriched.alert().id();
        }
        if (event instanceof DecisionMade decision) {
            return summaryAlertId(decision.alert());
        }
        if (event instanceof MachineActionRequested request) {
            return summaryAlertId(request.alert());
        }
        if (event instanceof MachineActionCompleted completed) {
            return summaryAlertId(completed.alert());
        }
        return null; // a hunting row has no alert
    }

    static String machineId(Event event) {
        if (event instanceof AlertNewEvent alert) {
            return alert.machineId();
        }
        if (event instanceof EnrichedEvent enriched) {
            return enriched.machine() == null ? null : enriched.machine().id();
        }
        if (event instanceof DecisionMade decision) {
            return decision.machineId();
        }
        if (event instanceof MachineActionRequested request) {
            return request.machineId();
        }
        if (event instanceof MachineActionCompleted completed) {
            return completed.machineId();
        }
        if (event instanceof HuntingRowFound row) {
            return row.deviceId();
        }
        return null;
    }

    private static String summaryAlertId(AlertSummary summary) {
        return summary == null ? null : summary.alertId();
    }

    private static void put(String key, String value) {
        if (value == null || value.isBlank()) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
