package io.mderesponse.hunting.service.query;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** When a query runs: every {@code interval}, or at the times of a Quartz cron expression (UTC). */
public sealed interface Schedule permits Schedule.Every, Schedule.Cron {

    /** The first run time strictly after {@code after}. */
    Instant next(Instant after);

    /** The longest time between two consecutive runs from now on (for the look-back check). */
    Duration longestGap(Instant from);

    /** Runs every {@code interval}, counted from the start of the previous successful run. */
    record Every(Duration interval) implements Schedule {

        public Every {
            if (interval == null || interval.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("interval must be at least 1s, got " + interval);
            }
        }

        @Override
        public Instant next(Instant after) {
            return after.plus(interval);
        }

        @Override
        public Duration longestGap(Instant from) {
            return interval;
        }
    }

    /** A Quartz cron expression ({@code 0 0/15 * * * ?}), evaluated in UTC. */
    record Cron(String expression, ExecutionTime executionTime) implements Schedule {

        private static final CronParser PARSER = new CronParser(
                CronDefinitionBuilder.instanceDefinitionFor(CronType.QUARTZ));

        /** Parses; a bad expression is an {@link IllegalArgumentException} saying why. */
        public static Cron parse(String expression) {
            try {
                return new Cron(expression, ExecutionTime.forCron(PARSER.parse(expression).validate()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cron '" + expression + "' is not a Quartz cron expression: "
                        + e.getMessage(), e);
            }
        }

        @Override
        public Instant next(Instant after) {
            return executionTime.nextExecution(ZonedDateTime.ofInstant(after, ZoneOffset.UTC))
                    .map(ZonedDateTime::toInstant)
                    .orElseThrow(() -> new IllegalStateException("cron '" + expression + "' has no next run"));
        }

        @Override
        public Duration longestGap(Instant from) {
            // A day of runs is enough for the usual cron shapes (every N minutes, hourly, daily).
            Duration longest = Duration.ZERO;
            Instant previous = next(from);
            Instant end = from.plus(Duration.ofDays(8));
            for (int i = 0; i < 10_000 && previous.isBefore(end); i++) {
                Instant following = next(previous);
                Duration gap = Duration.between(previous, following);
                if (gap.compareTo(longest) > 0) {
                    longest = gap;
                }
                previous = following;
            }
            return longest;
        }

        @Override
        public String toString() {
            return "cron " + expression;
        }
    }
}
