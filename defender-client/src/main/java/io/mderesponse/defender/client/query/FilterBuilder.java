package io.mderesponse.defender.client.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects {@code field op literal} clauses joined by {@code and}. Field names come only from the callers' enums;
 * values only as literals of the field's kind.
 */
final class FilterBuilder {

    private final List<String> clauses = new ArrayList<>();

    void add(String field, ValueKind kind, Comparison comparison, Object value) {
        clauses.add(field + " " + comparison.odata() + " " + literal(field, kind, value));
    }

    Optional<String> build() {
        return clauses.isEmpty() ? Optional.empty() : Optional.of(String.join(" and ", clauses));
    }

    private static String literal(String field, ValueKind kind, Object value) {
        if (kind == ValueKind.TIMESTAMP && value instanceof Instant instant) {
            return ODataLiterals.timestamp(instant);
        }
        if (kind == ValueKind.STRING && value instanceof String string) {
            return ODataLiterals.string(string);
        }
        if (kind == ValueKind.NUMBER && value instanceof Long number) {
            return ODataLiterals.number(number);
        }
        throw new IllegalArgumentException(field + " takes a " + kind.name().toLowerCase(java.util.Locale.ROOT)
                + " value, not " + (value == null ? "null" : value.getClass().getSimpleName()));
    }
}
