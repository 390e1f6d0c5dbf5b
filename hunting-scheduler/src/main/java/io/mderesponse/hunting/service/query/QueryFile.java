package io.mderesponse.hunting.service.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the YAML query file ({@code hunting.path}):
 *
 * <pre>
 * queries:
 *   - id: encoded-powershell
 *     query: DeviceProcessEvents | where ProcessCommandLine has "-enc"
 *     interval: 15m          # or  cron: "0 0/15 * * * ?"  (Quartz, UTC)
 *     lookback: 1h
 *     deviceIdColumn: DeviceId        # optional, this is the default
 *     keyColumns: [DeviceId, Timestamp, ProcessCommandLine]   # optional: default every column
 * </pre>
 *
 * Unknown fields, duplicate ids, a look-back shorter than the longest gap between two runs are errors, reported
 * with the file, line and column.
 */
public final class QueryFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

    private QueryFile() {
    }

    /** Reads and checks the file; any problem is a {@link QueryFileException} naming the file and the position. */
    public static List<HuntingQuery> load(Path path) {
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException e) {
            throw new QueryFileException("Cannot read the query file " + path + ": " + e, e);
        }
        return parse(text, path.toString());
    }

    public static List<HuntingQuery> parse(String yaml, String source) {
        FileModel model;
        try {
            model = YAML.readValue(yaml, FileModel.class);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String position = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            Throwable root = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw new QueryFileException("Invalid query file " + source + position + ": "
                    + (root == e ? e.getOriginalMessage() : root.getMessage()), e);
        }
        if (model == null || model.queries() == null || model.queries().contains(null)) {
            throw new QueryFileException("Invalid query file " + source + ": it needs a 'queries' list of queries", null);
        }
        List<HuntingQuery> queries = model.queries().stream().map(Entry::toQuery).toList();
        Set<String> ids = new HashSet<>();
        for (HuntingQuery query : queries) {
            if (!ids.add(query.id())) {
                throw new QueryFileException("Invalid query file " + source + ": the id " + query.id()
                        + " is used twice", null);
            }
        }
        return queries;
    }

    /** {@code 30s}, {@code 15m}, {@code 1h}, {@code 7d}, {@code 500ms} or ISO-8601 ({@code PT15M}). */
    static Duration duration(String text, String field) {
        if (text == null) {
            return null;
        }
        Matcher simple = SIMPLE_DURATION.matcher(text.strip());
        if (simple.matches()) {
            long amount = Long.parseLong(simple.group(1));
            switch (simple.group(2)) {
                case "ms":
                    return Duration.ofMillis(amount);
                case "s":
                    return Duration.ofSeconds(amount);
                case "m":
                    return Duration.ofMinutes(amount);
                case "h":
                    return Duration.ofHours(amount);
                default:
                    return Duration.ofDays(amount);
            }
        }
        try {
            return Duration.parse(text.strip().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " '" + text + "' is not a duration (30s, 15m, 1h, 7d or PT15M)");
        }
    }

    private record FileModel(@JsonProperty("queries") List<Entry> queries) {
    }

    /** One entry as written in the file; checked as it is read, so an error carries the entry's position. */
    record Entry(String id, String query, String interval, String cron, String lookback, String deviceIdColumn,
            List<String> keyColumns) {

        Entry {
            toQuery(id, query, interval, cron, lookback, deviceIdColumn, keyColumns);
        }

        HuntingQuery toQuery() {
            return toQuery(id, query, interval, cron, lookback, deviceIdColumn, keyColumns);
        }

        private static HuntingQuery toQuery(String id, String query, String interval, String cron, String lookback,
                String deviceIdColumn, List<String> keyColumns) {
            String name = "query " + id;
            if ((interval == null) == (cron == null)) {
                throw new IllegalArgumentException(name + ": exactly one of 'interval' and 'cron' is required");
            }
            Schedule schedule = interval != null ? new Schedule.Every(duration(interval, name + ": interval"))
                    : Schedule.Cron.parse(cron);
            Duration back = duration(lookback, name + ": lookback");
            HuntingQuery checked = new HuntingQuery(id, query, schedule, back, deviceIdColumn, keyColumns);
            Duration gap = schedule.longestGap(Instant.now());
            if (back.compareTo(gap) < 0) {
                throw new IllegalArgumentException(name + ": lookback " + lookback + " is shorter than the time "
                        + "between two runs (" + gap + "): rows in between would never be looked at");
            }
            return checked;
        }
    }
}
