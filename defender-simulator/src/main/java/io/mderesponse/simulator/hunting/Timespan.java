package io.mderesponse.simulator.hunting;

import io.mderesponse.simulator.error.ApiException;
import io.mderesponse.simulator.error.ErrorCodes;
import io.mderesponse.simulator.odata.DateTimes;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The time range of a Graph hunting query, from its optional {@code Timespan} (ISO 8601): a duration ending now
 * ({@code P1D}), {@code start/end}, {@code start/duration}, {@code duration/end}, or a single start (to now).
 * Without one Graph searches the last 30 days. Anything else is a 400.
 */
public record Timespan(Instant start, Instant end) {

    /** Graph's default when the body has no {@code Timespan}. */
    static final Duration DEFAULT = Duration.ofDays(30);

    public Timespan {
        if (start.isAfter(end)) {
            throw invalid(start + "/" + end, "the start is after the end");
        }
    }

    /** The range {@code text} names at {@code now}; null or blank: the last 30 days. */
    public static Timespan parse(String text, Instant now) {
        if (text == null || text.isBlank()) {
            return new Timespan(now.minus(DEFAULT), now);
        }
        String[] parts = text.trim().split("/", -1);
        if (parts.length == 1) {
            return isDuration(parts[0]) ? new Timespan(now.minus(duration(parts[0], text)), now)
                    : new Timespan(instant(parts[0], text), now);
        }
        if (parts.length != 2 || isDuration(parts[0]) && isDuration(parts[1])) {
            throw invalid(text, "expected a duration, start/end, start/duration, duration/end or a start");
        }
        if (isDuration(parts[0])) {
            Instant end = instant(parts[1], text);
            return new Timespan(end.minus(duration(parts[0], text)), end);
        }
        Instant start = instant(parts[0], text);
        Instant end = isDuration(parts[1]) ? start.plus(duration(parts[1], text)) : instant(parts[1], text);
        return new Timespan(start, end);
    }

    /** Whether a value at this instant is inside the range (both ends included). */
    public boolean contains(Instant instant) {
        return !instant.isBefore(start) && !instant.isAfter(end);
    }

    private static boolean isDuration(String part) {
        return part.startsWith("P") || part.startsWith("p");
    }

    private static Duration duration(String part, String whole) {
        try {
            Duration duration = Duration.parse(part);
            if (duration.isNegative() || duration.isZero()) {
                throw invalid(whole, "the duration must be positive");
            }
            return duration;
        } catch (DateTimeParseException e) {
            throw invalid(whole, "'" + part + "' is not an ISO 8601 duration in days, hours, minutes or seconds");
        }
    }

    private static Instant instant(String part, String whole) {
        return DateTimes.parse(part).orElseThrow(() -> invalid(whole, "'" + part
                + "' is not an ISO 8601 date-time with an offset, e.g. 2026-12-04T10:00:00Z"));
    }

    private static ApiException invalid(String text, String why) {
        return ApiException.badRequest(ErrorCodes.BAD_REQUEST, "Invalid Timespan '" + text + "': " + why + ".");
    }
}
