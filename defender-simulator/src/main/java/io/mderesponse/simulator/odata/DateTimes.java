package io.mderesponse.simulator.odata;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Date-times as the real API writes them: UTC, up to 7 fractional digits (.NET ticks) without trailing zeros.
 * Stored instants are cut to ticks, so a value a client reads back and filters on compares equal to the stored one.
 */
public final class DateTimes {

    private static final DateTimeFormatter SECONDS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private static final Pattern EXTRA_DIGITS = Pattern.compile("(\\.\\d{9})\\d+");

    private DateTimes() {
    }

    public static String format(Instant instant) {
        String base = SECONDS.format(instant);
        int ticks = instant.getNano() / 100;
        if (ticks == 0) {
            return base + "Z";
        }
        String fraction = String.format("%07d", ticks).replaceAll("0+$", "");
        return base + "." + fraction + "Z";
    }

    /** An ISO-8601 date-time with an offset and any fractional precision, cut to ticks. */
    public static Optional<Instant> parse(String text) {
        try {
            // Java reads at most 9 fractional digits; digits beyond ticks do not matter anyway.
            String trimmed = EXTRA_DIGITS.matcher(text.trim()).replaceFirst("$1");
            return Optional.of(toTicks(OffsetDateTime.parse(trimmed).toInstant()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public static Instant toTicks(Instant instant) {
        return instant.minusNanos(instant.getNano() % 100);
    }
}
