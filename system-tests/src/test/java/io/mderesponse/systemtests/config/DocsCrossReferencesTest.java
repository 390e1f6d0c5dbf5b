package io.mderesponse.systemtests.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.mderesponse.systemtests.observability.ReadmeMetrics;
import io.mderesponse.testsupport.process.ProjectLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The READMEs and {@code docs/} say each fact once and point at it: a metric named anywhere is one of the root
 * README's metric table (which {@code PipelineSystemTest} and {@code HuntingSystemTest} check against the running
 * services), with tags the table gives it, and a link to a heading finds that heading. The records of past runs
 * ({@code docs/benchmarks.md}, {@code docs/reliability.md}) are history and keep the names of their day.
 */
class DocsCrossReferencesTest {

    private static final Set<String> HISTORY = Set.of("docs/benchmarks.md", "docs/reliability.md");
    /** A metric of this project or Kafka's in backticks, maybe a prefix with {@code *}, maybe with {tags}. */
    private static final Pattern METRIC = Pattern.compile("`((?:messaging|kafka_consumer|defender|alert_poller|"
            + "enrichment|decisions|rules|response|notifier|hunting)_[a-z0-9_]*)(\\*)?(?:\\{([^`}]*)})?`");
    private static final Set<String> DISTRIBUTION_SUFFIXES = Set.of("_count", "_sum", "_max", "_bucket");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]*)\\)");
    private static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$", Pattern.MULTILINE);

    private static Path root;
    private static List<Path> docs;
    private static ReadmeMetrics metrics;

    @BeforeAll
    static void read() throws IOException {
        root = ProjectLayout.root();
        metrics = ReadmeMetrics.read(root.resolve("README.md"));
        List<Path> found = new ArrayList<>();
        found.add(root.resolve("README.md"));
        try (Stream<Path> modules = Files.list(root)) {
            modules.map(module -> module.resolve("README.md")).filter(Files::isRegularFile).sorted()
                    .forEach(found::add);
        }
        try (Stream<Path> pages = Files.list(root.resolve("docs"))) {
            pages.filter(page -> page.toString().endsWith(".md")).sorted().forEach(found::add);
        }
        docs = found.stream().filter(doc -> !HISTORY.contains(name(doc))).toList();
    }

    @Test
    void the_docs_are_found() {
        assertThat(docs).extracting(DocsCrossReferencesTest::name)
                .contains("README.md", "alert-poller/README.md", "hunting-scheduler/README.md", "docs/operations.md")
                .doesNotContain("docs/benchmarks.md");
    }

    @Test
    void every_metric_the_docs_name_is_in_the_readmes_metric_table_with_the_tags_they_give_it() {
        Map<String, ReadmeMetrics.Metric> table = new HashMap<>();
        metrics.metrics().forEach(metric -> table.put(metric.name(), metric));
        List<String> problems = new ArrayList<>();
        int mentions = 0;
        for (Path doc : docs) {
            Matcher mention = METRIC.matcher(text(doc));
            while (mention.find()) {
                mentions++;
                String name = mention.group(1);
                String where = name(doc) + ": " + mention.group();
                if (mention.group(2) != null) {
                    if (table.keySet().stream().noneMatch(known -> known.startsWith(name))) {
                        problems.add(where + " matches no metric of the README's table");
                    }
                    continue;
                }
                ReadmeMetrics.Metric metric = documented(table, name);
                if (metric == null) {
                    problems.add(where + " is not in the README's metric table");
                } else if (mention.group(3) != null) {
                    tags(mention.group(3)).stream().filter(tag -> !metric.tags().contains(tag))
                            .forEach(tag -> problems.add(where + ": the table gives " + metric.name() + " no tag "
                                    + tag + " (its tags: " + metric.tags() + ")"));
                }
            }
        }
        assertThat(mentions).as("metric names found in the docs").isGreaterThan(20);
        assertThat(problems).isEmpty();
    }

    @Test
    void every_link_to_a_heading_of_the_docs_finds_it() {
        List<String> problems = new ArrayList<>();
        for (Path doc : docs) {
            Matcher link = LINK.matcher(text(doc));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue; // http(s), mailto
                }
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                Path linked = file.isEmpty() ? doc : doc.getParent().resolve(file).normalize();
                if (!Files.exists(linked)) {
                    problems.add(name(doc) + ": " + target + " names no file");
                } else if (hash >= 0 && !anchors(linked).contains(target.substring(hash + 1))) {
                    problems.add(name(doc) + ": " + target + " names no heading of " + root.relativize(linked));
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** The table's metric a name shows: its own, or a histogram's, timer's or summary's sample. */
    private static ReadmeMetrics.Metric documented(Map<String, ReadmeMetrics.Metric> table, String name) {
        if (table.containsKey(name)) {
            return table.get(name);
        }
        for (String suffix : DISTRIBUTION_SUFFIXES) {
            ReadmeMetrics.Metric metric = name.endsWith(suffix)
                    ? table.get(name.substring(0, name.length() - suffix.length())) : null;
            if (metric != null && !metric.sampleName().equals(metric.name())) {
                return metric;
            }
        }
        return null;
    }

    /** Tag keys of {@code status,error}, {@code outcome="sent"|"failed"} or {@code status=...}. */
    private static List<String> tags(String braces) {
        return Arrays.stream(braces.split(",")).map(part -> part.split("=", 2)[0].strip())
                .filter(tag -> tag.matches("[a-z_]+")).toList();
    }

    /** GitHub's anchors of a Markdown file's headings: lower case, punctuation dropped, spaces to hyphens. */
    private static Set<String> anchors(Path markdown) {
        Set<String> anchors = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        Matcher heading = HEADING.matcher(text(markdown).replaceAll("(?s)```.*?```", ""));
        while (heading.find()) {
            String slug = heading.group(1).strip().toLowerCase(Locale.ROOT)
                    .replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
            int count = seen.merge(slug, 1, Integer::sum);
            anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
        }
        return anchors;
    }

    private static String name(Path doc) {
        return root.relativize(doc).toString().replace('\\', '/');
    }

    private static String text(Path doc) {
        try {
            return Files.readString(doc, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
