package io.mderesponse.systemtests.observability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The lines of a service's JSON log (quarkus-logging-json, the production format), parsed. */
public final class JsonLogLines {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One log line: its message, logger and MDC. */
    public record Line(String service, String level, String logger, String message, Map<String, String> mdc) {

        public Optional<String> mdc(String key) {
            return Optional.ofNullable(mdc.get(key)).filter(v -> !v.isBlank());
        }
    }

    private JsonLogLines() {
    }

    /**
     * The JSON lines of {@code log}. Lines that do not start with a brace are not log records (the JVM's own
     * warnings) and are left out; a line that starts like one and does not parse fails.
     */
    public static List<Line> parse(String service, String log) {
        List<Line> lines = new ArrayList<>();
        for (String text : log.split("\n")) {
            if (!text.startsWith("{")) {
                continue;
            }
            JsonNode node;
            try {
                node = JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError(service + " logged a line that is not JSON: " + text, e);
            }
            Map<String, String> mdc = new java.util.TreeMap<>();
            node.path("mdc").fields().forEachRemaining(e -> mdc.put(e.getKey(), e.getValue().asText()));
            lines.add(new Line(service, node.path("level").asText(), node.path("loggerName").asText(),
                    node.path("message").asText(), mdc));
        }
        return lines;
    }
}
