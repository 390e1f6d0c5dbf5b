package io.mderesponse.defender.client.query;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/** Writes values as OData literals, so no value can change the meaning of a filter around it. */
final class ODataLiterals {

    private ODataLiterals() {
    }

    /** ISO-8601 in UTC with a {@code Z}, fractions only when present: {@code 2021-01-26T20:33:57.722Z}. */
    static String timestamp(Instant value) {
        return DateTimeFormatter.ISO_INSTANT.format(Objects.requireNonNull(value, "timestamp"));
    }

    /** Single-quoted with every quote doubled, the OData escape: {@code O'Brien} becomes {@code 'O''Brien'}. */
    static String string(String value) {
        return "'" + Objects.requireNonNull(value, "string value").replace("'", "''") + "'";
    }

    static String number(long value) {
        return Long.toString(value);
    }
}
