package io.mderesponse.hunting.service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Puts a hunting row's values into one canonical form per column type, so the same row reads the same whichever API
 * returned it (the two write some values differently) and so gets the same {@link RowKeys row key}.
 *
 * <ul>
 *   <li>DateTime: UTC with exactly 7 fractional digits (Kusto's 100 ns ticks), {@code 2026-12-04T10:00:00.1230000Z},
 *       whether sent with 3, 7 or no fractional digits or with an offset;</li>
 *   <li>integers ({@code Int64}, {@code Int32}, {@code long}, {@code int}): a JSON number, also when sent as a
 *       string;</li>
 *   <li>reals ({@code Double}, {@code Real}, {@code Decimal}): a JSON floating-point number;</li>
 *   <li>Boolean: {@code true}/{@code false}, also when sent as a string;</li>
 *   <li>every other type, nulls and values that do not read as their type: as sent.</li>
 * </ul>
 *
 * The canonical forms are those Defender's advanced hunting API writes, so row keys it produced before stay valid.
 */
public final class RowValues {

    private static final DateTimeFormatter TICKS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern EXTRA_DIGITS = Pattern.compile("(\\.\\d{9})\\d+");

    private RowValues() {
    }

    /** The row with every value of a known type in its canonical form, in the row's column order. */
    public static Map<String, Object> normalise(Map<String, String> columnTypes, Map<String, Object> row) {
        Map<String, Object> normalised = new LinkedHashMap<>();
        row.forEach((column, value) -> normalised.put(column, normalise(columnTypes.get(column), value)));
        return normalised;
    }

    static Object normalise(String type, Object value) {
        if (value == null || type == null) {
            return value;
        }
        try {
            switch (type.toLowerCase(Locale.ROOT).replaceFirst("^system\\.", "")) {
                case "datetime", "date":
                    return value instanceof String text ? dateTime(text) : value;
                case "int64", "int32", "long", "int", "integer":
                    return value instanceof Number number && !(number instanceof Double || number instanceof Float)
                            ? (Object) number.longValue()
                            : value instanceof String text ? (Object) Long.parseLong(text.trim()) : value;
                case "double", "real", "decimal", "single", "float":
                    return value instanceof Number number ? (Object) number.doubleValue()
                            : value instanceof String text ? (Object) Double.parseDouble(text.trim()) : value;
                case "boolean", "bool":
                    return value instanceof String text && ("true".equalsIgnoreCase(text.trim())
                            || "false".equalsIgnoreCase(text.trim())) ? (Object) Boolean.parseBoolean(text.trim())
                            : value;
                default:
                    return value;
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            return value; // keyed as sent: the same unreadable value gives the same key
        }
    }

    private static String dateTime(String text) {
        String trimmed = EXTRA_DIGITS.matcher(text.trim()).replaceFirst("$1");
        Instant instant = OffsetDateTime.parse(trimmed).toInstant();
        return TICKS.format(instant.minusNanos(instant.getNano() % 100));
    }
}
