package io.mderesponse.testsupport.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One scrape of a service's {@code /q/metrics} in the Prometheus text format, parsed: samples by name and labels.
 * Tests take one before and one after what they inject and compare ({@link #delta}).
 */
public final class PrometheusScrape {

    /** One sample line: {@code name{label="value",...} value}. */
    public record Sample(String name, Map<String, String> labels, double value) {

        /** Whether every label of {@code wanted} is on this sample with that value. */
        public boolean matches(Map<String, String> wanted) {
            return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final List<Sample> samples;

    private PrometheusScrape(List<Sample> samples) {
        this.samples = List.copyOf(samples);
    }

    /** Scrapes {@code <baseUrl>/q/metrics}. */
    public static PrometheusScrape of(String baseUrl) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return at(URI.create(base + "/q/metrics"));
    }

    /**
     * Scrapes the metrics at exactly {@code metricsUrl}: a Quarkus test's
     * {@code @TestHTTPResource(value = "/metrics", management = true)}.
     */
    public static PrometheusScrape at(URL metricsUrl) {
        return at(URI.create(metricsUrl.toString()));
    }

    /** Scrapes the metrics at exactly {@code metricsUrl} (e.g. a test's management-interface URL). */
    public static PrometheusScrape at(URI metricsUrl) {
        HttpRequest request = HttpRequest.newBuilder(metricsUrl)
                .timeout(Duration.ofSeconds(10)).header("Accept", "text/plain").GET().build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
            }
            return parse(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("Could not scrape " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while scraping " + request.uri(), e);
        }
    }

    /** Parses the Prometheus text exposition format (0.0.4); comments and blank lines are skipped. */
    public static PrometheusScrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        int lineNumber = 0;
        for (String line : text.split("\n")) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            try {
                samples.add(parseLine(trimmed));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("Line " + lineNumber + " is not a Prometheus sample: " + line, e);
            }
        }
        return new PrometheusScrape(samples);
    }

    public List<Sample> samples() {
        return samples;
    }

    /** The samples called {@code name} that carry every label of {@code labels}. */
    public List<Sample> find(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && s.matches(labels)).toList();
    }

    /** Whether any sample is called {@code name} and carries {@code labels}. */
    public boolean has(String name, Map<String, String> labels) {
        return !find(name, labels).isEmpty();
    }

    /** The sum of the samples called {@code name} with {@code labels}; empty if there is none. */
    public OptionalDouble sum(String name, Map<String, String> labels) {
        List<Sample> found = find(name, labels);
        return found.isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(found.stream().mapToDouble(Sample::value).sum());
    }

    /** {@link #sum}, failing with the names present when the metric does not exist. */
    public double value(String name, Map<String, String> labels) {
        return sum(name, labels).orElseThrow(() -> new AssertionError("No sample " + name + labels
                + " on /q/metrics; samples of that name: " + find(name, Map.of())));
    }

    /** {@link #value}, or 0 when the metric does not exist yet (a counter created on its first increment). */
    public double valueOrZero(String name, Map<String, String> labels) {
        return sum(name, labels).orElse(0);
    }

    /** How much {@code name} with {@code labels} moved from {@code before} to this scrape (absent counts as 0). */
    public double delta(PrometheusScrape before, String name, Map<String, String> labels) {
        return valueOrZero(name, labels) - before.valueOrZero(name, labels);
    }

    private static Sample parseLine(String line) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        String name;
        Map<String, String> labels;
        String rest;
        if (brace >= 0 && (space < 0 || brace < space)) {
            name = line.substring(0, brace);
            Map<String, String> parsed = new LinkedHashMap<>();
            int end = parseLabels(line, brace + 1, parsed);
            labels = Collections.unmodifiableMap(parsed);
            rest = line.substring(end + 1).strip();
        } else {
            name = line.substring(0, space);
            labels = Map.of();
            rest = line.substring(space + 1).strip();
        }
        String number = rest.split("\\s+")[0]; // a timestamp may follow
        return new Sample(name, labels, parseValue(number));
    }

    /** Reads {@code key="value",...} from {@code start}; returns the index of the closing brace. */
    private static int parseLabels(String line, int start, Map<String, String> labels) {
        int i = start;
        while (true) {
            while (line.charAt(i) == ' ' || line.charAt(i) == ',') {
                i++;
            }
            if (line.charAt(i) == '}') {
                return i;
            }
            int equals = line.indexOf('=', i);
            String key = line.substring(i, equals).strip();
            i = equals + 1;
            if (line.charAt(i) != '"') {
                throw new IllegalArgumentException("label " + key + " has no quoted value");
            }
            i++;
            StringBuilder value = new StringBuilder();
            while (line.charAt(i) != '"') {
                char c = line.charAt(i);
                if (c == '\\') {
                    char escaped = line.charAt(++i);
                    value.append(escaped == 'n' ? '\n' : escaped);
                } else {
                    value.append(c);
                }
                i++;
            }
            labels.put(key, value.toString());
            i++;
        }
    }

    private static double parseValue(String number) {
        switch (number) {
            case "+Inf":
                return Double.POSITIVE_INFINITY;
            case "-Inf":
                return Double.NEGATIVE_INFINITY;
            case "NaN":
                return Double.NaN;
            default:
                return Double.parseDouble(number);
        }
    }
}
