package io.mderesponse.hunting.service.query;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One scheduled advanced hunting query, as read from the query file.
 *
 * @param id 1 to 64 characters of {@code [A-Za-z0-9_-]}; part of every row key, so renaming it publishes its rows again
 * @param kql the query; starts with a table name, or contains {@code {lookback}} where the look-back goes
 * @param lookback how far back each run looks (at least the longest gap between two runs)
 * @param deviceIdColumn the column holding the device (machine) id
 * @param keyColumns the columns that identify a row for de-duplication; empty means every column
 */
public record HuntingQuery(String id, String kql, Schedule schedule, Duration lookback, String deviceIdColumn,
        List<String> keyColumns) {

    /** Defender keeps 30 days of advanced hunting data. */
    public static final Duration MAX_LOOKBACK = Duration.ofDays(30);
    public static final String LOOKBACK_PLACEHOLDER = "{lookback}";
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern TABLE_FIRST = Pattern.compile("\\s*[A-Za-z_][A-Za-z0-9_]*\\s*(\\|[\\s\\S]*)?");

    public HuntingQuery {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("id must be 1 to 64 characters of A-Z, a-z, 0-9, '_' or '-', got '"
                    + id + "'");
        }
        if (kql == null || kql.isBlank()) {
            throw new IllegalArgumentException("query " + id + ": 'query' (the KQL) is required");
        }
        if (!kql.contains(LOOKBACK_PLACEHOLDER) && !TABLE_FIRST.matcher(kql).matches()) {
            throw new IllegalArgumentException("query " + id + ": the KQL must start with a table name "
                    + "('DeviceProcessEvents | ...') or contain " + LOOKBACK_PLACEHOLDER
                    + " where the look-back goes ('| where Timestamp > ago({lookback})')");
        }
        if (schedule == null) {
            throw new IllegalArgumentException("query " + id + ": exactly one of 'interval' and 'cron' is required");
        }
        if (lookback == null || lookback.isZero() || lookback.isNegative() || lookback.compareTo(MAX_LOOKBACK) > 0) {
            throw new IllegalArgumentException("query " + id + ": 'lookback' is required, above 0 and at most 30d "
                    + "(Defender keeps 30 days), got " + lookback);
        }
        deviceIdColumn = deviceIdColumn == null || deviceIdColumn.isBlank() ? "DeviceId" : deviceIdColumn;
        keyColumns = keyColumns == null ? List.of() : List.copyOf(keyColumns);
    }

    /**
     * The KQL a run sends: {@code {lookback}} replaced by the look-back in seconds ({@code 3600s}), or, without the
     * placeholder, {@code | where Timestamp > ago(<look-back>)} put right after the table name.
     */
    public String kqlFor(Duration effectiveLookback) {
        String ago = Math.max(1, effectiveLookback.toSeconds()) + "s";
        if (kql.contains(LOOKBACK_PLACEHOLDER)) {
            return kql.replace(LOOKBACK_PLACEHOLDER, ago);
        }
        String trimmed = kql.strip();
        int pipe = trimmed.indexOf('|');
        String table = pipe < 0 ? trimmed : trimmed.substring(0, pipe).strip();
        String rest = pipe < 0 ? "" : " " + trimmed.substring(pipe);
        return table + " | where Timestamp > ago(" + ago + ")" + rest;
    }
}
