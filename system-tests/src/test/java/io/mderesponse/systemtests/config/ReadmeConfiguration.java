package io.mderesponse.systemtests.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The README's configuration tables: the rows between {@code <!-- config:start -->} and {@code <!-- config:end -->}
 * whose first cell is a property in backticks, {@code | `property` | `ENVIRONMENT_VARIABLE` | default | what |}.
 */
public final class ReadmeConfiguration {

    static final String START = "<!-- config:start -->";
    static final String END = "<!-- config:end -->";

    private static final Pattern CODE = Pattern.compile("^`([^`]+)`$");

    /** One row, names as written (placeholders such as {@code <family>} kept). */
    public record Row(String property, String environmentVariable, String defaultValue, String description,
            int line) {
    }

    private final List<Row> rows;

    private ReadmeConfiguration(List<Row> rows) {
        this.rows = List.copyOf(rows);
    }

    public static ReadmeConfiguration read(Path readme) {
        try {
            return parse(Files.readString(readme, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ReadmeConfiguration parse(String readme) {
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalStateException("The README has no " + START + " ... " + END + " section");
        }
        int firstLine = (int) readme.substring(0, start).chars().filter(c -> c == '\n').count() + 1;
        String[] lines = readme.substring(start, end).split("\n", -1);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.startsWith("|")) {
                continue;
            }
            List<String> cells = cells(line);
            if (cells.size() < 4) {
                continue;
            }
            Matcher property = CODE.matcher(cells.get(0));
            if (!property.matches()) {
                continue; // header or separator
            }
            Matcher variable = CODE.matcher(cells.get(1));
            rows.add(new Row(property.group(1), variable.matches() ? variable.group(1) : cells.get(1),
                    cells.get(2), cells.get(3), firstLine + i));
        }
        return new ReadmeConfiguration(rows);
    }

    public List<Row> rows() {
        return rows;
    }

    /** Documented property (placeholders as {@code *}) → its row. */
    public Map<String, Row> byProperty() {
        Map<String, Row> map = new LinkedHashMap<>();
        rows.forEach(row -> map.putIfAbsent(ConfigNames.normalise(row.property()), row));
        return map;
    }

    /**
     * The row documenting a property: its name as written, or a row with a placeholder standing for one segment
     * ({@code defender.budget.<family>.per-minute} documents {@code defender.budget.alerts.per-minute}).
     */
    public Optional<Row> rowFor(String property) {
        return rows.stream().filter(row -> propertyMatches(row.property(), property)).findFirst();
    }

    /** Whether a documented property (placeholders allowed) names this property. */
    public static boolean propertyMatches(String documented, String property) {
        return matches(ConfigNames.normalise(documented), property, "[^.]+");
    }

    /** Whether a documented environment variable (placeholders allowed) names this variable. */
    public static boolean variableMatches(String documented, String variable) {
        return matches(ConfigNames.normalise(documented), variable, "[A-Z0-9_*]+");
    }

    /** Whether a concrete environment variable ({@code DEFENDER_BUDGET_ALERTS_PER_MINUTE}) is documented. */
    public boolean documentsVariable(String variable) {
        return rows.stream().anyMatch(row -> variableMatches(row.environmentVariable(), variable));
    }

    /** {@code pattern} with each {@code *} standing for {@code segment}, against the whole name. */
    private static boolean matches(String pattern, String name, String segment) {
        String[] parts = pattern.split("\\*", -1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            regex.append(i > 0 ? segment : "").append(Pattern.quote(parts[i]));
        }
        return name.equals(pattern) || name.matches(regex.toString());
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.endsWith("|") && line.length() > 1 ? line.length() - 1 : line.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("(?<!\\\\)\\|", -1)) {
            cells.add(cell.strip());
        }
        return cells;
    }
}
