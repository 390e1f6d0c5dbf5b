package io.mderesponse.simulator.hunting;

import io.mderesponse.simulator.error.ApiException;
import io.mderesponse.simulator.odata.DateTimes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses {@code Table | where A == "x" and B > ago(1h) | project A, B | limit 10}. Anything beyond this subset is
 * refused with a 400 that says so, rather than answered with rows a real tenant would not return.
 */
public final class KqlParser {

    private static final Set<String> OPERATORS = Set.of("==", "!=", "=~", "!~", ">", ">=", "<", "<=", "has",
            "!has", "contains", "!contains", "startswith", "endswith");

    private final String query;
    private final List<String> tokens;
    private final Instant now;
    private int next;

    private KqlParser(String query, Instant now) {
        this.query = query;
        this.now = now;
        this.tokens = KqlTokenizer.tokenize(query);
    }

    /** The query, with relative times ({@code ago(1h)}) resolved against {@code now}. */
    public static KqlQuery parse(String query, Instant now) {
        return new KqlParser(query, now).parse();
    }

    private KqlQuery parse() {
        String table = take();
        if (!Character.isLetter(table.charAt(0)) && table.charAt(0) != '_') {
            throw error("The query must start with a table name");
        }
        List<KqlQuery.Stage> stages = new ArrayList<>();
        while (next < tokens.size()) {
            expect("|");
            String operator = take();
            switch (operator) {
                case "where" -> stages.add(where());
                case "limit", "take" -> stages.add(new KqlQuery.Limit((int) number(take())));
                case "project" -> stages.add(project());
                default -> throw error("The simulator supports only where, limit, take and project; found '"
                        + operator + "'");
            }
        }
        return new KqlQuery(table, stages);
    }

    private KqlQuery.Where where() {
        List<KqlQuery.Condition> conditions = new ArrayList<>();
        while (true) {
            String column = take();
            String operator = take();
            if (!OPERATORS.contains(operator)) {
                throw error("Unsupported operator '" + operator + "' in where");
            }
            conditions.add(new KqlQuery.Condition(column, operator, value()));
            if (next < tokens.size() && tokens.get(next).equals("and")) {
                next++;
            } else {
                return new KqlQuery.Where(conditions);
            }
        }
    }

    private KqlQuery.Project project() {
        List<String> columns = new ArrayList<>(List.of(take()));
        while (next < tokens.size() && tokens.get(next).equals(",")) {
            next++;
            columns.add(take());
        }
        return new KqlQuery.Project(columns);
    }

    private Object value() {
        String token = take();
        char first = token.charAt(0);
        if (first == '"' || first == '\'') {
            return token.substring(1, token.length() - 1).replaceAll("\\\\(.)", "$1");
        }
        switch (token.toLowerCase(Locale.ROOT)) {
            case "true", "false" -> {
                return token.toLowerCase(Locale.ROOT);
            }
            case "ago" -> {
                expect("(");
                Instant then = now.minus(KqlTokenizer.timespan(take(), query));
                expect(")");
                return then;
            }
            case "now" -> {
                expect("(");
                expect(")");
                return now;
            }
            case "datetime" -> {
                expect("(");
                String quoted = take();
                expect(")");
                String literal = quoted.substring(1, quoted.length() - 1).trim();
                return DateTimes.parse(literal.contains("T") ? literal : literal + "T00:00:00Z")
                        .orElseThrow(() -> error("Invalid datetime literal '" + literal + "'"));
            }
            default -> {
                return number(token);
            }
        }
    }

    private double number(String token) {
        try {
            return Double.parseDouble(token);
        } catch (NumberFormatException e) {
            throw error("Expected a value but found '" + token + "'");
        }
    }

    private String take() {
        if (next >= tokens.size()) {
            throw error("Unexpected end of query");
        }
        return tokens.get(next++);
    }

    private void expect(String token) {
        String found = take();
        if (!found.equals(token)) {
            throw error("Expected '" + token + "' but found '" + found + "'");
        }
    }

    private ApiException error(String detail) {
        return KqlTokenizer.error(query, detail);
    }
}
