package io.mderesponse.simulator.config;

import io.quarkus.runtime.configuration.DurationConverter;
import java.time.Duration;

/** Reads admin API durations as Quarkus reads configuration: {@code 30s}, {@code 500ms} or {@code PT30S}. */
public final class Durations {

    private Durations() {
    }

    /** The duration, or an {@link IllegalArgumentException} naming the bad value. */
    public static Duration parse(String text) {
        try {
            Duration duration = DurationConverter.parseDuration(text.trim());
            if (duration == null || duration.isNegative()) {
                throw new IllegalArgumentException("Invalid duration '" + text + "'");
            }
            return duration;
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Invalid duration '" + text + "': use e.g. 30s, 500ms or PT30S", e);
        }
    }
}
