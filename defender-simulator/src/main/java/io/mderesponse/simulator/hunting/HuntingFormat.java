package io.mderesponse.simulator.hunting;

import io.mderesponse.simulator.odata.DateTimes;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * How each hunting API writes a value of a column type. The two differ on purpose, as two real services may: Defender
 * writes date-times with all 7 fractional digits (.NET ticks) and longs as JSON numbers, Graph cuts trailing zeros
 * of the fraction and writes longs as JSON strings (OData's IEEE754-compatible form). A client must compare values
 * by type, not by their text.
 */
public enum HuntingFormat {
    DEFENDER,
    GRAPH;

    private static final DateTimeFormatter SEVEN_DIGITS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);

    /** {@code value} as this API writes a value of Kusto type {@code type}; other types and nulls as stored. */
    public Object write(String type, Object value) {
        if (value == null) {
            return null;
        }
        if ("DateTime".equals(type) && value instanceof String text) {
            Instant instant = DateTimes.parse(text).orElse(null);
            if (instant == null) {
                return value;
            }
            return this == DEFENDER ? SEVEN_DIGITS.format(instant) : DateTimes.format(instant);
        }
        if ("Int64".equals(type) && value instanceof Number number && this == GRAPH) {
            return String.valueOf(number.longValue());
        }
        return value;
    }
}
