package io.mderesponse.simulator.hunting;

import io.mderesponse.simulator.error.ApiException;
import io.mderesponse.simulator.error.ErrorCodes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a KQL query into identifiers, quoted strings, numbers (with timespan suffixes) and operators. */
final class KqlTokenizer {

    private static final Pattern TOKEN = Pattern.compile("\\s*(?:(//[^\\n]*)"
            + "|(\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*')"
            + "|(==|!=|=~|!~|>=|<=|>|<|\\||\\(|\\)|,)"
            + "|([A-Za-z_][A-Za-z0-9_]*|!has|!contains)"
            + "|(-?\\d+(?:\\.\\d+)?[a-z]*))");

    private static final Pattern TIMESPAN = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|d|h|m|s)");

    private KqlTokenizer() {
    }

    static List<String> tokenize(String query) {
        // A datetime literal is raw text (colons, dashes): quote it so it becomes one string token.
        String text = query.replaceAll("datetime\\(\\s*[\"']?([^)\"']*)[\"']?\\s*\\)", "datetime(\"$1\")");
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        int at = 0;
        while (at < text.length() && m.find(at) && m.start() == at) {
            if (m.group(1) == null && !m.group().isBlank()) {
                tokens.add(m.group().trim());
            }
            at = m.end();
        }
        if (!text.substring(at).isBlank()) {
            throw error(query, "Syntax error at position " + at + ": '" + text.substring(at).trim() + "'");
        }
        return tokens;
    }

    /** A timespan token such as {@code 1h}, {@code 30m}, {@code 7d} or {@code 500ms}. */
    static Duration timespan(String token, String query) {
        Matcher m = TIMESPAN.matcher(token);
        if (!m.matches()) {
            throw error(query, "Invalid timespan '" + token + "'");
        }
        long millis = switch (m.group(2)) {
            case "d" -> 86_400_000L;
            case "h" -> 3_600_000L;
            case "m" -> 60_000L;
            case "s" -> 1_000L;
            default -> 1L;
        };
        return Duration.ofMillis((long) (Double.parseDouble(m.group(1)) * millis));
    }

    /** The 400 the real API gives for a query it cannot parse, saying what the simulator could not read. */
    static ApiException error(String query, String detail) {
        return ApiException.badRequest(ErrorCodes.BAD_REQUEST, "Query could not be parsed: " + detail + ". Query: "
                + query);
    }
}
