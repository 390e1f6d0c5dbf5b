package io.mderesponse.systemtests.budget;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/** What a storm cost and how long it took; printed, and written to {@code target/budget-<name>.txt}. */
record StormReport(String name, int alerts, int machines, long high, Duration window, Duration allHighIsolated,
        Duration allEnriched, Map<String, Long> callsPerFamily, Map<String, Integer> busiestWindow,
        Map<String, Integer> busiestHour, long throttled, double enrichmentCallsPerAlert, double deferred) {

    long apiCalls() {
        return callsPerFamily.values().stream().mapToLong(Long::longValue).sum();
    }

    String text() {
        StringBuilder text = new StringBuilder();
        text.append("Storm ").append(name).append(": ").append(alerts).append(" alerts on ").append(machines)
                .append(" machines (").append(high).append(" High), rate-limit window ").append(window.toMillis())
                .append(" ms (a \"minute\"; an \"hour\" is 60 of them)\n");
        text.append(String.format("  every High machine isolated after %.1f s (%.1f windows)%n",
                allHighIsolated.toMillis() / 1000.0, allHighIsolated.toMillis() / (double) window.toMillis()));
        text.append(String.format("  every alert enriched after %.1f s (%.1f windows)%n", allEnriched.toMillis() / 1000.0,
                allEnriched.toMillis() / (double) window.toMillis()));
        text.append(String.format("  Defender API calls: %d in all, %.3f per alert%n", apiCalls(),
                apiCalls() / (double) alerts));
        callsPerFamily.forEach((family, calls) -> text.append(String.format(
                "    %-15s %5d calls, %.3f per alert, busiest window %d, busiest hour %d%n", family, calls,
                calls / (double) alerts, busiestWindow.getOrDefault(family, 0), busiestHour.getOrDefault(family, 0))));
        text.append(String.format("  enrichment: %.3f Defender calls per enriched alert (metric "
                + "enrichment_defender_calls_per_alert), %.0f deferrals%n", enrichmentCallsPerAlert, deferred));
        text.append("  429 answers: ").append(throttled).append('\n');
        return text.toString();
    }

    void print() {
        String text = text();
        System.out.println(text);
        try {
            Path file = Path.of("target", "budget-" + name + ".txt");
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
