package io.mderesponse.contracts.event;

import io.mderesponse.contracts.defender.DefenderAlert;
import io.mderesponse.contracts.id.DefenderIds;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/** Checks shared by the events' compact constructors; messages name the event and field ("AlertDetected.title"). */
final class Fields {

    private Fields() {
    }

    static <T> T required(T value, String field) {
        return Objects.requireNonNull(value, () -> field + " is required");
    }

    /** Required and not empty: ids and keys (the schemas say {@code minLength: 1}). */
    static String requiredText(String value, String field) {
        if (required(value, field).isEmpty()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        return value;
    }

    static void common(String event, UUID eventId, String correlationId, Instant occurredAt, int schemaVersion) {
        required(eventId, event + ".eventId");
        requiredText(correlationId, event + ".correlationId");
        required(occurredAt, event + ".occurredAt");
        if (schemaVersion < 1) {
            throw new IllegalArgumentException(event + ".schemaVersion must be 1 or more, was " + schemaVersion);
        }
    }

    static String alertId(String value, String field) {
        return prefixed(field, () -> DefenderIds.requireValidAlertId(required(value, field)));
    }

    static String machineId(String value, String field) {
        return prefixed(field, () -> DefenderIds.requireValidMachineId(required(value, field)));
    }

    static String optionalMachineId(String value, String field) {
        return value == null ? null : machineId(value, field);
    }

    /** An alert snapshot, when present, must be the alert the event names. */
    static DefenderAlert snapshot(DefenderAlert alert, String alertId, String field) {
        if (alert != null && !alert.id().equals(alertId)) {
            throw new IllegalArgumentException(field + ".id " + alert.id() + " is not the event's alertId " + alertId);
        }
        return alert;
    }

    /** An immutable copy; elements must not be null (a null recipient or action is a bug, not data). */
    static <T> List<T> list(List<T> value, String field) {
        return List.copyOf(required(value, field));
    }

    /** An immutable copy that keeps order and null values (a hunting row's empty columns are null). */
    static Map<String, Object> map(Map<String, Object> value, String field) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(required(value, field)));
    }

    private static String prefixed(String field, Supplier<String> check) {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
        }
    }
}
