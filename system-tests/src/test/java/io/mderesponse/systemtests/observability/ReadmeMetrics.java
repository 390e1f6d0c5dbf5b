package io.mderesponse.systemtests.observability;

import io.mderesponse.testsupport.metrics.PrometheusScrape;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The root README's metric table (section "Observability"): {@code | metric | type | tags | exposed by | what |},
 * one or more Prometheus names in backticks, the tag keys in backticks (their values in parentheses), and the
 * services that expose them by module name. Anything else in those cells fails the parse, so a row the checks could
 * not read never passes unnoticed.
 */
public final class ReadmeMetrics {

    /** The modules that run as services and may appear in the {@code exposed by} column. */
    public static final Set<String> SERVICES = Set.of("alert-poller", "enrichment-service", "decision-service",
            "response-service", "notifier-service", "hunting-scheduler");

    private static final String SECTION = "## Observability";
    private static final Set<String> TYPES = Set.of("counter", "gauge", "histogram", "timer", "summary");
    /** Types Prometheus shows as {@code <name>_count}, {@code _sum} (and {@code _max}, {@code _bucket}). */
    private static final Set<String> DISTRIBUTIONS = Set.of("histogram", "timer", "summary");
    private static final Pattern CODE = Pattern.compile("`([^`]*)`");
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");
    private static final Pattern PARENTHESES = Pattern.compile("\\([^()]*\\)");

    /** One metric of the table, with the line of its row. */
    public record Metric(String name, String type, List<String> tags, List<String> exposedBy, int line) {

        /** The sample name that shows the metric on {@code /q/metrics}. */
        public String sampleName() {
            return DISTRIBUTIONS.contains(type) ? name + "_count" : name;
        }

        /**
         * What is wrong with this metric on a service's scrape: absent, or a tag of the table on none of its samples;
         * empty when it is exposed as documented.
         */
        public List<String> problemsIn(String service, PrometheusScrape scrape) {
            List<PrometheusScrape.Sample> samples = scrape.find(sampleName(), Map.of());
            if (samples.isEmpty()) {
                return List.of(name + " (README line " + line + ") is not on " + service + "'s /q/metrics");
            }
            return tags.stream().filter(tag -> samples.stream().noneMatch(s -> s.labels().containsKey(tag)))
                    .map(tag -> name + " (README line " + line + ") on " + service + " has no tag " + tag
                            + "; its tags: " + samples.get(0).labels().keySet())
                    .toList();
        }
    }

    private final List<Metric> metrics;

    private ReadmeMetrics(List<Metric> metrics) {
        this.metrics = List.copyOf(metrics);
    }

    public static ReadmeMetrics read(Path readme) {
        try {
            return parse(Files.readString(readme, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ReadmeMetrics parse(String readme) {
        int section = readme.indexOf("\n" + SECTION + "\n");
        if (section < 0) {
            throw new IllegalStateException("The README has no " + SECTION + " section");
        }
        String[] lines = readme.substring(section + 1).split("\n", -1);
        int firstLine = (int) readme.substring(0, section + 1).chars().filter(c -> c == '\n').count() + 1;
        int header = -1;
        for (int i = 1; i < lines.length && !lines[i].startsWith("## "); i++) {
            if (lines[i].startsWith("| metric |")) {
                header = i;
                break;
            }
        }
        if (header < 0) {
            throw new IllegalStateException("The README's " + SECTION + " section has no table starting | metric |");
        }
        List<Metric> metrics = new ArrayList<>();
        for (int i = header + 2; i < lines.length && lines[i].startsWith("|"); i++) {
            metrics.addAll(row(lines[i], firstLine + i));
        }
        if (metrics.isEmpty()) {
            throw new IllegalStateException("The README's metric table has no rows");
        }
        return new ReadmeMetrics(metrics);
    }

    public List<Metric> metrics() {
        return metrics;
    }

    /** The metrics the table says {@code service} exposes. */
    public List<Metric> exposedBy(String service) {
        return metrics.stream().filter(m -> m.exposedBy().contains(service)).toList();
    }

    private static List<Metric> row(String line, int lineNumber) {
        String[] cells = line.substring(1, line.length() - (line.endsWith("|") ? 1 : 0)).split("(?<!\\\\)\\|", -1);
        if (cells.length != 5) {
            throw new IllegalStateException("README line " + lineNumber + ": expected 5 cells, got " + cells.length);
        }
        List<String> names = codes(cells[0]);
        if (names.isEmpty() || !names.stream().allMatch(n -> NAME.matcher(n).matches())
                || !cells[0].replaceAll("`[^`]*`", "").replace(",", "").isBlank()) {
            throw new IllegalStateException("README line " + lineNumber + ": the metric cell must list whole "
                    + "Prometheus names in backticks, comma-separated: " + cells[0].strip());
        }
        String type = cells[1].strip();
        if (!TYPES.contains(type)) {
            throw new IllegalStateException("README line " + lineNumber + ": type " + type + " is none of " + TYPES);
        }
        String tagsCell = cells[2];
        String withoutValues = tagsCell;
        for (String previous = null; !withoutValues.equals(previous); ) {
            previous = withoutValues;
            withoutValues = PARENTHESES.matcher(withoutValues).replaceAll("");
        }
        List<String> tags = codes(withoutValues);
        List<String> services = Arrays.stream(cells[3].split(",")).map(String::strip).toList();
        if (services.isEmpty() || !SERVICES.containsAll(services)) {
            throw new IllegalStateException("README line " + lineNumber + ": exposed by " + cells[3].strip()
                    + "; expected module names among " + SERVICES);
        }
        return names.stream().map(name -> new Metric(name, type, tags, services, lineNumber)).toList();
    }

    private static List<String> codes(String cell) {
        List<String> codes = new ArrayList<>();
        Matcher code = CODE.matcher(cell);
        while (code.find()) {
            codes.add(code.group(1));
        }
        return codes;
    }
}
